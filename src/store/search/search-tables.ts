/**
 * The search index's tables as Kysely sees them. Kept beside the search code rather than in schema.ts because
 * nothing else reads them; `searchTables(db)` widens a `Kysely<Database>` to include them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export type SearchEntryType = 'plan' | 'node' | 'achievement' | 'indicator' | 'evaluation';

export interface SearchEntryTable {
  /** `${type}:${record_id}`: record ids are unique per table only. */
  id: string;
  type: SearchEntryType;
  record_id: string;
  plan_id: string;
  /** The node an achievement or indicator belongs to (its page); the node itself for a node. */
  node_id: string | null;
  position: number;
  title: string;
  /** Every other public text of the record, one per line. */
  body: string;
}

export interface DataGenerationTable {
  id: number;
  generation: number;
}

/** One bump of the data generation and the organization it wrote; null when it may have written any. */
export interface DataChangeTable {
  generation: number;
  organization_id: string | null;
}

// A type alias, not an interface: withTables() wants an index-signature-compatible record.
export type SearchTables = {
  search_entry: SearchEntryTable;
  data_generation: DataGenerationTable;
  data_change: DataChangeTable;
};

export type SearchDatabase = Database & SearchTables;

/** `db` with the search tables added to its type. */
export const searchTables = (db: Kysely<Database>): Kysely<SearchDatabase> => db.withTables<SearchTables>();
