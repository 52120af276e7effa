/** `/documents/{id}`: a source document's text with numbered lines; each line is the anchor `#L{n}`. */
import { Hono } from 'hono';
import { textLines } from '../../domain/citation.ts';
import { isWebUrl } from '../../domain/web-url.ts';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { DateText } from '../components/DateText.tsx';
import { Layout } from '../components/Layout.tsx';
import { readDocumentLines } from '../document-text.ts';
import { notFound } from '../http-error.ts';
import { contentLang, langOf, localHref, messagesOf, pagePath, useMessages } from '../i18n/index.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';

const document = new Hono<WebEnv>();

function Lines({ lines }: { lines: string[] }) {
  const t = useMessages();
  return (
    <ol class="document-lines">
      {lines.map((line, index) => {
        const n = index + 1;
        return (
          <li id={`L${n}`}>
            <a class="line-number" href={`#L${n}`} aria-label={t.lineNumber(n)}>
              {n}
            </a>
            <span>{line}</span>
          </li>
        );
      })}
    </ol>
  );
}

document.get('/:id', async (c) => {
  onlyQueries(c, ['lang']);
  const lang = langOf(c);
  const t = messagesOf(lang);
  const id = idParam(c);
  const found = await c.var.store.getDocument(id);
  if (!found) throw notFound('資料', 'document', id);
  const stored = found.file ? undefined : await c.var.store.getDocumentText(id);
  const text = found.file
    ? await readDocumentLines(c.var.datasetDir, found.file)
    : stored === undefined
      ? null
      : { ok: true as const, lines: textLines(stored) };
  return c.html(
    <Layout title={found.title} lang={lang} path={pagePath(c)}>
      <Breadcrumb items={[{ href: localHref('/', lang), label: t.home }]} current={t.document} />
      <h1 lang={contentLang(lang)}>{found.title}</h1>
      <p class="meta">
        {found.publisher ? `${found.publisher}・` : ''}
        {t.published} <DateText date={found.publishedAt} />
        {found.url && isWebUrl(found.url) ? (
          <>
            ・<a href={found.url}>{t.original}</a>
          </>
        ) : null}
      </p>
      {found.note ? <p lang={contentLang(lang)}>{found.note}</p> : null}
      <h2>{t.body}</h2>
      {text?.ok ? (
        <div lang={contentLang(lang)}>
          <Lines lines={text.lines} />
        </div>
      ) : (
        <p>{t.noBody}</p>
      )}
    </Layout>,
  );
});

export default document;
