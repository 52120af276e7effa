/**
 * Registering a source document from the staff screens: its record, the uploaded file and the text its line
 * references count in, all in one transaction with a 'create' revision. The revision holds the file's and the
 * text's SHA-256, so the hash chain proves which text a line number was checked against.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { textLines } from '../../domain/citation.ts';
import type { Actor } from '../../domain/editing/permissions.ts';
import { type SourceDocument, sourceDocumentSchema } from '../../domain/model.ts';
import { fieldIssues } from '../accounts/user-rows.ts';
import type { DocumentFileInfo, DocumentRegistration, Result, TextOrigin } from '../editing/contract.ts';
import { EditingRejection, invalid } from '../editing/rejection.ts';
import { appendRevision } from '../editing/revisions.ts';
import { documentToRow } from '../records/document-rows.ts';
import type { Database } from '../schema.ts';
import { requireAdmin } from './organizations.ts';

export const textOrigins = ['file', 'pdftotext', 'pasted', 'none'] as const satisfies readonly TextOrigin[];

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Generous for a long report's text, small enough that one upload cannot fill the database. */
export const maxDocumentTextLength = 2_000_000;

function checkInput(input: DocumentRegistration): SourceDocument {
  const parsed = sourceDocumentSchema.safeParse(input.document);
  if (!parsed.success) throw new EditingRejection(invalid(fieldIssues(parsed.error)));
  const issues = [];
  if (parsed.data.kind === undefined)
    issues.push({ field: 'kind', message: '「種類」は必須です (kind is required)' });
  if (parsed.data.file !== undefined)
    issues.push({
      field: 'file',
      message:
        '登録する資料はファイルの場所を指定できません (a registered document cannot name a dataset file)',
    });
  if ((input.text?.length ?? 0) > maxDocumentTextLength)
    issues.push({
      field: 'text',
      message: `本文は ${maxDocumentTextLength.toLocaleString('en-US')} 文字以内にしてください (text is longer than ${maxDocumentTextLength.toLocaleString('en-US')} characters)`,
    });
  if (issues.length > 0) throw new EditingRejection(invalid(issues));
  return parsed.data;
}

/**
 * Stores a new document of an organization with its file and text, e.g.
 * `await registerDocument(db, admin, { organizationId: 'komoro', document: { id: 'r6-report', … }, text, textOrigin: 'pasted' })`.
 */
export async function registerDocument(
  db: Kysely<Database>,
  actorRef: Actor,
  input: DocumentRegistration,
): Promise<Result<SourceDocument>> {
  return EditingRejection.catch(() =>
    db.transaction().execute(async (trx) => {
      const actor = await requireAdmin(trx, actorRef, input.organizationId);
      const document = checkInput(input);
      const organization = await trx
        .selectFrom('organization')
        .select('id')
        .where('id', '=', input.organizationId)
        .executeTakeFirst();
      const taken = await trx
        .selectFrom('source_document')
        .select('id')
        .where('id', '=', document.id)
        .executeTakeFirst();
      const issues = [
        ...(organization
          ? []
          : [
              {
                field: 'organizationId',
                message: `「団体」が見つかりません (organization not found): ${input.organizationId}`,
              },
            ]),
        ...(taken
          ? [{ field: 'id', message: `この ID は使われています (id already in use): ${document.id}` }]
          : []),
      ];
      if (issues.length > 0) throw new EditingRejection(invalid(issues));
      const last = await trx
        .selectFrom('source_document')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('organization_id', '=', input.organizationId)
        .executeTakeFirst();
      const position =
        last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
      const stamp = new Date().toISOString();
      await trx
        .insertInto('source_document')
        .values({
          ...documentToRow(document, input.organizationId, position),
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
      const text = input.text === undefined || input.text.trim() === '' ? null : input.text;
      const file = input.file;
      await trx
        .insertInto('document_file')
        .values({
          document_id: document.id,
          file_name: file?.name ?? null,
          media_type: file?.mediaType ?? null,
          byte_size: file ? file.bytes.byteLength : null,
          sha256: file ? sha256(file.bytes) : null,
          content: file ? Buffer.from(file.bytes) : null,
          text,
          text_origin: text === null ? 'none' : input.textOrigin,
          uploaded_by: actor.login,
          uploaded_at: stamp,
        })
        .execute();
      await appendRevision(trx, {
        entity: 'document',
        entityId: document.id,
        planId: null,
        action: 'create',
        actor: actor.login,
        reason: null,
        before: null,
        after: {
          ...document,
          organizationId: input.organizationId,
          ...(file
            ? { fileName: file.name, fileSha256: sha256(file.bytes), byteSize: file.bytes.byteLength }
            : {}),
          ...(text === null ? {} : { textSha256: sha256(text), lineCount: textLines(text).length }),
        },
        published: true,
      });
      return document;
    }),
  );
}

/** The stored text of a registered document, or undefined when it has none (e.g. the demo's, kept in files). */
export async function documentText(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('document_file')
    .select('text')
    .where('document_id', '=', id)
    .executeTakeFirst();
  return row?.text ?? undefined;
}

/** What was uploaded with a registered document, without the bytes. */
export async function documentFileInfo(
  db: Kysely<Database>,
  id: string,
): Promise<DocumentFileInfo | undefined> {
  const row = await db
    .selectFrom('document_file')
    .select([
      'file_name',
      'media_type',
      'byte_size',
      'sha256',
      'text',
      'text_origin',
      'uploaded_by',
      'uploaded_at',
    ])
    .where('document_id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    fileName: row.file_name,
    mediaType: row.media_type,
    byteSize: row.byte_size === null ? null : Number(row.byte_size),
    sha256: row.sha256,
    textOrigin: row.text_origin as TextOrigin,
    lineCount: row.text === null ? 0 : textLines(row.text).length,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

/** The uploaded file itself, for download. */
export async function documentFileContent(
  db: Kysely<Database>,
  id: string,
): Promise<{ name: string; mediaType: string; bytes: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('document_file')
    .select(['file_name', 'media_type', 'content'])
    .where('document_id', '=', id)
    .executeTakeFirst();
  if (!row?.content) return undefined;
  return {
    name: row.file_name ?? id,
    mediaType: row.media_type ?? 'application/octet-stream',
    bytes: new Uint8Array(row.content),
  };
}
