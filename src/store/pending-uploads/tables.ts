/** The table of uploads waiting for their confirmation (migration 2026-12-04-40-pending-uploads). */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface PendingUploadTable {
  /** SHA-256 of the token the browser holds; the token itself is never stored. */
  token_hash: string;
  user_id: string;
  file_name: string;
  /** SHA-256 (hex) of the bytes, shown on the preview and the result so staff see it is the same file. */
  sha256: string;
  byte_size: number;
  content: Uint8Array;
  /** What the preview was asked with, as JSON: opaque here, read back by the web layer through zod. */
  options: string;
  created_at: string;
  expires_at: string;
}

// A type alias, not an interface: withTables needs an index-signature-compatible shape.
export type PendingUploadTables = { pending_upload: PendingUploadTable };

export const withPendingUploadTables = (db: Kysely<Database>): Kysely<Database & PendingUploadTables> =>
  db.withTables<PendingUploadTables>();
