/**
 * `/admin/documents`: source documents, a form to register one (admins only) with its PDF or text file, and on
 * each document's page a form to edit its title, publisher, date, kind, URL and note (the version it started from
 * quoted: 409 when someone saved since), e.g. to give the file an import registered a publisher and URL. A
 * PDF's text is extracted with pdftotext where it is installed; pasted text always wins, so staff can correct or
 * supply it. The text gives the line numbers sources cite, and each cited line and quote is checked against it.
 */
import { Hono } from 'hono';
import { textLines } from '../../domain/citation.ts';
import { documentKinds } from '../../domain/model.ts';
import { readUploadText } from '../../io/documents/index.ts';
import type { FieldIssue, TextOrigin } from '../../store/editing/contract.ts';
import { requirePermission } from '../auth/guard.tsx';
import type { StaffEnv } from '../auth/staff-env.ts';
import { DateText } from '../components/DateText.tsx';
import { notFound } from '../http-error.ts';
import { AdminLayout } from './AdminLayout.tsx';
import type { FormValues } from './form-values.ts';
import { optionText } from './option-labels.ts';
import { RegistryForm } from './RegistryForm.tsx';
import { ConflictNotice, quotedVersion, registryFormValues } from './registry-edit.tsx';
import { documentFields, documentKindWords, newDocumentId, readDocumentForm } from './registry-fields.ts';
import { csrfOf, formBody, type StaffContext, staffUser } from './staff-context.ts';

const documents = new Hono<StaffEnv>();

documents.use('/documents', requirePermission('publish'));
documents.use('/documents/*', requirePermission('publish'));

interface FormState {
  values: FormValues;
  text: string;
  issues: FieldIssue[];
  /** Said above the form when a PDF's text could not be extracted. */
  notice?: string;
}

async function renderForm(c: StaffContext, state: FormState, status: 200 | 400 = 200) {
  const organizations = await c.var.store.listOrganizations();
  const fileIssues = state.issues.filter((issue) => issue.field === 'file' || issue.field === 'text');
  return c.html(
    <AdminLayout title="資料の登録 (register a source document)" user={staffUser(c)} csrfToken={csrfOf(c)}>
      {state.notice ? (
        <p class="form-error" role="status">
          {state.notice}
        </p>
      ) : null}
      <RegistryForm
        action="/admin/documents"
        fields={documentFields}
        values={state.values}
        issues={state.issues.filter((issue) => !fileIssues.includes(issue))}
        csrfToken={csrfOf(c)}
        choices={{ organizationId: organizations.map((org) => org.id) }}
        choiceLabels={{ organizationId: Object.fromEntries(organizations.map((org) => [org.id, org.name])) }}
        multipart
        submit="資料を登録 (register the document)"
      >
        <p class={fileIssues.length > 0 ? 'field field-invalid' : 'field'}>
          <label for="f-file">PDF またはテキストファイル (PDF or text file)</label>
          {fileIssues.length > 0 ? (
            <span class="field-error" id="f-file-error">
              {fileIssues.map((issue) => issue.message).join(' ')}
            </span>
          ) : null}
          <input
            type="file"
            id="f-file"
            name="file"
            accept=".pdf,.txt,application/pdf,text/plain"
            aria-describedby={fileIssues.length > 0 ? 'f-file-error' : undefined}
          />
        </p>
        <p class="field">
          <label for="f-text">
            本文（貼り付け。PDF から読み取れないときや直すとき）(text: paste it when the PDF cannot be read,
            or to correct it)
          </label>
          <textarea id="f-text" name="text" rows={8}>
            {state.text}
          </textarea>
        </p>
      </RegistryForm>
    </AdminLayout>,
    status,
  );
}

documents.get('/documents', async (c) => {
  const [all, organizations] = await Promise.all([
    c.var.store.listDocuments(),
    c.var.store.listOrganizations(),
  ]);
  return c.html(
    <AdminLayout title="資料 (source documents)" user={staffUser(c)} csrfToken={csrfOf(c)}>
      <p>
        <a href="/admin/documents/new">資料を登録 (register a document)</a>
        {organizations.length === 0 ? ' ・ 先に団体を追加してください (add an organization first)' : ''}
      </p>
      <ul>
        {all.map((doc) => (
          <li>
            <a href={`/admin/documents/${encodeURIComponent(doc.id)}`}>{doc.title}</a>{' '}
            <span class="meta">
              {doc.id}・<DateText date={doc.publishedAt} />
              {doc.kind ? `・${optionText(doc.kind, documentKindWords)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </AdminLayout>,
  );
});

documents.get('/documents/new', (c) =>
  renderForm(c, {
    values: { organizationId: c.req.query('organizationId') ?? '', kind: 'official' },
    text: '',
    issues: [],
  }),
);

async function uploadedFile(body: Record<string, unknown>) {
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) return undefined;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

documents.post('/documents', async (c) => {
  const body = (await c.req.parseBody()) as Record<string, unknown>;
  const values: FormValues = Object.fromEntries(
    documentFields.map((spec) => [
      spec.name,
      typeof body[spec.name] === 'string' ? String(body[spec.name]) : '',
    ]),
  );
  const pasted = typeof body.text === 'string' ? body.text : '';
  if ((values.id ?? '').trim() === '') {
    const known = new Set((await c.var.store.listDocuments()).map((doc) => doc.id));
    values.id = await newDocumentId(values, async (id) => known.has(id));
  }
  const form = readDocumentForm(values);
  const issues = [...form.issues];
  if ((values.organizationId ?? '') === '')
    issues.push({
      field: 'organizationId',
      message: '「団体 (organization)」は必須です (organizationId is required)',
    });
  const file = await uploadedFile(body);
  const read = file ? await readUploadText(file.bytes) : undefined;
  if (read && !read.ok) issues.push({ field: 'file', message: read.message });
  const state: FormState = { values, text: pasted, issues };
  if (issues.length > 0) return renderForm(c, state, 400);

  const extracted = read?.ok ? read.text : undefined;
  const hasPasted = pasted.trim() !== '';
  const text = hasPasted ? pasted : extracted;
  const textOrigin: TextOrigin = hasPasted
    ? 'pasted'
    : read?.ok && extracted !== undefined
      ? read.origin
      : 'none';
  const result = await c.var.editing.registerDocument(staffUser(c), {
    organizationId: values.organizationId ?? '',
    document: form.record,
    ...(file && read?.ok ? { file: { ...file, mediaType: read.mediaType } } : {}),
    ...(text === undefined ? {} : { text }),
    textOrigin,
  });
  if (!result.ok) {
    if (result.error.code === 'invalid') return renderForm(c, { ...state, issues: result.error.issues }, 400);
    return c.text(result.error.code === 'forbidden' ? result.error.message : result.error.code, 403);
  }
  const next = `/admin/documents/${encodeURIComponent(result.value.id)}`;
  // A PDF stored without text: say so on the document's page, where the text can be added by registering again.
  return c.redirect(read?.ok && read.origin === 'none' && !hasPasted ? `${next}?notice=no-text` : next, 303);
});

/** The document's fields as an edit form shows them: organization and id fixed, kind from every kind. */
const editFields = documentFields.filter((spec) => spec.name !== 'organizationId');

interface DocumentEdit {
  values: FormValues;
  version: number;
  reason: string;
  issues?: FieldIssue[];
  /** The stored document when a save came too late. */
  conflict?: boolean;
}

async function renderDocument(c: StaffContext, id: string, edit?: DocumentEdit) {
  const stored = await c.var.editing.editableDocument(id);
  if (!stored) throw notFound('資料', 'document', id);
  const doc = stored.record;
  const [info, text] = await Promise.all([
    c.var.editing.documentFileInfo(id),
    c.var.editing.documentText(id),
  ]);
  const lines = text === undefined ? [] : textLines(text);
  const form = edit ?? {
    values: registryFormValues(editFields, doc),
    version: stored.version,
    reason: '',
  };
  const status = edit?.conflict ? 409 : (edit?.issues ?? []).length > 0 ? 400 : 200;
  return c.html(
    <AdminLayout title={doc.title} user={staffUser(c)} csrfToken={csrfOf(c)}>
      {c.req.query('notice') === 'no-text' ? (
        <p class="form-error" role="status">
          PDF を保存しました。本文を読み取れなかったため、行の参照はまだ使えません (the PDF is stored; its
          text could not be read, so line references cannot be checked yet)
        </p>
      ) : null}
      {c.req.query('notice') === 'saved' ? <p role="status">保存しました (saved)</p> : null}
      {edit?.conflict ? <ConflictNotice version={stored.version} /> : null}
      <dl class="staff-facts">
        <dt>ID</dt>
        <dd>{doc.id}</dd>
        <dt>団体 (organization)</dt>
        <dd>{stored.organizationId}</dd>
        <dt>発行者 (publisher)</dt>
        <dd>{doc.publisher ?? '—'}</dd>
        <dt>発行日 (date)</dt>
        <dd>
          <DateText date={doc.publishedAt} />
        </dd>
        <dt>種類 (kind)</dt>
        <dd>{doc.kind ? optionText(doc.kind, documentKindWords) : '—'}</dd>
        <dt>URL</dt>
        <dd>{doc.url ? <a href={doc.url}>{doc.url}</a> : '—'}</dd>
        <dt>ファイル (file)</dt>
        <dd>
          {info?.fileName ? (
            <a href={`/admin/documents/${encodeURIComponent(id)}/file`}>
              {info.fileName}（{(info.byteSize ?? 0).toLocaleString('en-US')} バイト / bytes）
            </a>
          ) : (
            '—'
          )}
          {info?.sha256 ? <span class="meta"> SHA-256 {info.sha256}</span> : null}
        </dd>
        <dt>本文 (text)</dt>
        <dd>
          {lines.length > 0
            ? `${lines.length} 行 (${lines.length} lines, ${info?.textOrigin ?? 'file'})`
            : '本文なし (no text)'}
        </dd>
      </dl>
      <p>
        <a href={`/documents/${encodeURIComponent(id)}`}>公開ページ (public page)</a>
      </p>
      <h2 id="edit">資料の編集 (edit the document)</h2>
      <RegistryForm
        action={`/admin/documents/${encodeURIComponent(id)}`}
        fields={editFields}
        values={form.values}
        issues={form.issues ?? []}
        csrfToken={csrfOf(c)}
        choices={{ kind: documentKinds }}
        choiceLabels={{ kind: documentKindWords }}
        edit={{ version: form.version, reason: form.reason }}
        submit="保存 (save)"
      />
      {lines.length > 0 ? (
        <>
          <h2>本文 (text)</h2>
          <ol class="document-lines">
            {lines.map((line, index) => (
              <li id={`L${index + 1}`}>
                <a class="line-number" href={`#L${index + 1}`} aria-label={`${index + 1}行目`}>
                  {index + 1}
                </a>
                <span>{line}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </AdminLayout>,
    status,
  );
}

documents.get('/documents/:id', (c) => renderDocument(c, c.req.param('id')));

documents.post('/documents/:id', async (c) => {
  const id = c.req.param('id');
  const body = await formBody(c);
  const values: FormValues = Object.fromEntries(editFields.map((spec) => [spec.name, body[spec.name] ?? '']));
  values.id = id;
  const reason = body.reason ?? '';
  const version = quotedVersion(body.version);
  const edit = { values, reason, version: version ?? 0 };
  if (version === null)
    return renderDocument(c, id, {
      ...edit,
      issues: [{ field: '', message: '版が正しくありません (invalid version)' }],
    });
  const form = readDocumentForm(values);
  if (form.issues.length > 0) return renderDocument(c, id, { ...edit, issues: form.issues });
  const result = await c.var.editing.updateDocument(staffUser(c), {
    id,
    version,
    record: form.record,
    ...(reason.trim() === '' ? {} : { reason: reason.trim() }),
  });
  if (result.ok) return c.redirect(`/admin/documents/${encodeURIComponent(id)}?notice=saved`, 303);
  const error = result.error;
  if (error.code === 'invalid') return renderDocument(c, id, { ...edit, issues: error.issues });
  if (error.code === 'not_found') throw notFound('資料', 'document', id);
  if (error.code === 'forbidden') return c.text(error.message, 403);
  // Too late: the form keeps what was typed and now quotes the stored version.
  return renderDocument(c, id, { ...edit, version: error.version, conflict: true });
});

documents.get('/documents/:id/file', async (c) => {
  const id = c.req.param('id');
  const file = await c.var.editing.documentFileContent(id);
  if (!file) throw notFound('資料のファイル', 'document file', id);
  const ascii = file.name.replace(/[^A-Za-z0-9._-]/g, '_');
  return c.body(new Uint8Array(file.bytes), 200, {
    // Served as a download, never rendered in the site's origin.
    'Content-Type': file.mediaType.startsWith('application/pdf')
      ? 'application/pdf'
      : 'text/plain; charset=utf-8',
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'X-Content-Type-Options': 'nosniff',
  });
});

export default documents;
