/**
 * The EditingStore over Kysely: drafts laid over the published tables, publishing, and the history.
 *
 * @example const editing = createEditingStore(db); await editing.saveChange(user, { entity: 'node', … })
 */
import type { Kysely } from 'kysely';
import {
  createOrganization,
  documentFileContent,
  documentFileInfo,
  documentText,
  registerDocument,
} from '../registry/index.ts';
import type { Database } from '../schema.ts';
import type { EditingStore } from './contract.ts';
import { findDraft, listDrafts } from './draft-rows.ts';
import { getPlanWithDrafts } from './plan-with-drafts.ts';
import { discardDraft, publish } from './publish.ts';
import { readPublished } from './published-records.ts';
import { ownerOf, staffRecord } from './record-context.ts';
import { listRevisionsOf, verifyChain } from './revisions.ts';
import { saveChange } from './save-change.ts';
import { signEvaluation } from './sign-evaluation.ts';

export function createEditingStore(db: Kysely<Database>): EditingStore {
  return {
    async getRecord(entity, id) {
      const [draft, stored] = await Promise.all([findDraft(db, entity, id), readPublished(db, entity, id)]);
      const published = stored ? { entity, id, version: stored.version, data: stored.record } : null;
      if (draft) {
        const data = draft.action === 'delete' ? null : draft.data;
        return {
          entity,
          id,
          version: draft.version,
          data,
          draft: { id: draft.id, action: draft.action, version: draft.version },
          published,
        };
      }
      return published ? { ...published, draft: null, published } : undefined;
    },
    async organizationOf(entity, id) {
      const record = await staffRecord(db, entity, id);
      return record && (await ownerOf(db, entity, record)).organizationId;
    },
    saveChange: (actor, input) => saveChange(db, actor, input),
    discardDraft: (actor, draftId, version) => discardDraft(db, actor, draftId, version),
    listDrafts: (planId) => listDrafts(db, planId),
    publish: (actor, draftIds, reason) => publish(db, actor, draftIds, reason),
    getPlanWithDrafts: (planId) => getPlanWithDrafts(db, planId),
    listRevisions: (entity, id) => listRevisionsOf(db, entity, id),
    listPublicHistory: (entity, id) => listRevisionsOf(db, entity, id, true),
    verifyChain: () => verifyChain(db),
    createOrganization: (actor, input) => createOrganization(db, actor, input),
    registerDocument: (actor, input) => registerDocument(db, actor, input),
    documentText: (id) => documentText(db, id),
    documentFileInfo: (id) => documentFileInfo(db, id),
    documentFileContent: (id) => documentFileContent(db, id),
    signEvaluation: (actor, input) => signEvaluation(db, actor, input),
  };
}

export { recordImport } from './import-revisions.ts';
export { appendRevision, appendRevisions, verifyChain } from './revisions.ts';
export { withEditingTables } from './tables.ts';
