/** The tables of saved column mappings and of files registered as their own source document. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface ImportMappingTable {
  name: string;
  /** The mapping as JSON (src/io/tables/published-mapping.ts). */
  mapping: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface ImportFileTable {
  document_id: string;
  file_name: string;
  sha256: string;
  byte_size: number;
  uploaded_at: string;
  uploaded_by: string;
}

// A type alias, not an interface: withTables needs an index-signature-compatible shape.
export type ImportMappingTables = {
  import_mapping: ImportMappingTable;
  import_file: ImportFileTable;
};

export const withImportTables = (db: Kysely<Database>): Kysely<Database & ImportMappingTables> =>
  db.withTables<ImportMappingTables>();
