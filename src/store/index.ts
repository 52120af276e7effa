/** The store layer: open a database, migrate it, save datasets, read them back. */
export {
  type Capabilities,
  capabilities,
  type DatabaseHandle,
  type DialectName,
  openDatabase,
} from './db.ts';
export { type MigrateOutcome, migrateDownAll, migrateToLatest } from './migrate.ts';
export { createReadStore } from './queries.ts';
export type { NodeContext, NodeLinkTarget, PlanHeader, ReadStore } from './read-store.ts';
export { saveOrganizationDocument } from './save-dataset.ts';
export type { Database } from './schema.ts';
export { isEmpty, seedDocument } from './seed.ts';
