/** `/documents/{id}`: a source document's text with numbered lines; each line is the anchor `#L{n}`. */
import { Hono } from 'hono';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { DateText } from '../components/DateText.tsx';
import { Layout } from '../components/Layout.tsx';
import { readDocumentLines } from '../document-text.ts';
import { notFound } from '../http-error.ts';
import { idParam } from '../params.ts';
import type { WebEnv } from '../web-env.ts';

const document = new Hono<WebEnv>();

function Lines({ lines }: { lines: string[] }) {
  return (
    <ol class="document-lines">
      {lines.map((line, index) => {
        const n = index + 1;
        return (
          <li id={`L${n}`}>
            <a class="line-number" href={`#L${n}`} aria-label={`${n}行目`}>
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
  const id = idParam(c);
  const found = await c.var.store.getDocument(id);
  if (!found) throw notFound('資料', 'document', id);
  const text = found.file ? await readDocumentLines(c.var.datasetDir, found.file) : null;
  return c.html(
    <Layout title={found.title}>
      <Breadcrumb items={[{ href: '/', label: 'ホーム' }]} current="資料" />
      <h1>{found.title}</h1>
      <p class="meta">
        {found.publisher ? `${found.publisher}・` : ''}発行 <DateText date={found.publishedAt} />
        {found.url ? (
          <>
            ・<a href={found.url}>原本</a>
          </>
        ) : null}
      </p>
      {found.note ? <p>{found.note}</p> : null}
      <h2>本文</h2>
      {text?.ok ? <Lines lines={text.lines} /> : <p>この資料の本文は登録されていません。</p>}
    </Layout>,
  );
});

export default document;
