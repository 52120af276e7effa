/** `/history/{entity}/{id}`: public, read-only; lists only published revisions (publish, import). */
import { Hono } from 'hono';
import { type EditingEntity, editingEntities } from '../../domain/editing/records.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { badRequest, notFound } from '../http-error.ts';
import { langOf } from '../i18n/index.ts';
import type { WebEnv } from '../web-env.ts';
import { changedNothing, citedDocumentIds } from './changed-fields.ts';
import { HistoryPage } from './HistoryPage.tsx';

const history = new Hono<WebEnv>();

/** The titles of the given documents, by id; a document no longer registered keeps its id on the page. */
async function titlesOf(store: ReadStore, ids: string[]): Promise<Map<string, string>> {
  const documents = await Promise.all(ids.map((id) => store.getDocument(id)));
  return new Map(documents.flatMap((document) => (document ? [[document.id, document.title] as const] : [])));
}

history.get('/:entity/:id', async (c) => {
  const lang = langOf(c);
  const entity = c.req.param('entity');
  if (!(editingEntities as readonly string[]).includes(entity)) throw notFound('種類', 'entity', entity);
  const id = c.req.param('id');
  // Generated ids (observations, source rows) contain ':' so the public recordId pattern is too strict here.
  if (id.length > 200) throw badRequest('id', `「id」が長すぎます (id too long)`);
  const reader = c.var.history;
  // createApp mounts this only with a reader; without one there is no history to show.
  if (!reader) throw notFound('変更履歴', 'history', id);
  const stored = await reader.listPublicHistory(entity as EditingEntity, id);
  if (stored.length === 0 && !(await reader.getRecord(entity as EditingEntity, id))?.published) {
    throw notFound('項目', entity, id);
  }
  // Saves that changed nothing were logged before such saves stopped writing revisions; they say nothing.
  const revisions = stored.filter((revision) => !changedNothing(revision));
  const head = await c.var.store.historyHead();
  const documentTitles = await titlesOf(c.var.store, citedDocumentIds(revisions));
  return c.html(
    <HistoryPage
      entity={entity as EditingEntity}
      id={id}
      revisions={revisions}
      head={head}
      documentTitles={documentTitles}
      lang={lang}
    />,
  );
});

export default history;
