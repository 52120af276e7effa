/**
 * The editing tables as Kysely sees them. Kept beside the public schema (src/store/schema.ts) rather than in it:
 * `withEditingTables(db)` widens any `Kysely<Database>` to see them too.
 */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../schema.ts';

type Integer = ColumnType<number, number, number>;

export interface UserAccountTable {
  id: string;
  login: string;
  role: string;
  /** JSON array of node ids, or null for the whole site. */
  node_ids: string | null;
  /** The organization the account works for; null for operator-wide (every organization). */
  organization_id: ColumnType<string | null, string | null | undefined, string | null>;
  disabled: Integer;
  /** JSON of the scrypt hash and its parameters. */
  password: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface LoginFailureTable {
  login: string;
  address: string;
  failures: Integer;
  first_failed_at: string;
  last_failed_at: string;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  label: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  /** Null only for a row written behind the app's back; such a token is refused as expired. */
  expires_at: string | null;
  /** The organization the token may act in; null: the user's own scope. */
  organization_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DraftChangeTable {
  id: string;
  entity: string;
  entity_id: string;
  action: 'create' | 'update' | 'delete';
  data: string;
  base_version: Integer | null;
  plan_id: string;
  author_id: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface RevisionTable {
  seq: Integer;
  entity: string;
  entity_id: string;
  plan_id: string | null;
  action: string;
  actor: string;
  at: string;
  reason: string | null;
  before: string | null;
  after: string | null;
  published: Integer;
  prev_hash: string;
  hash: string;
}

export interface RevisionHeadTable {
  id: Integer;
  seq: Integer;
  hash: string;
}

// A type alias, not an interface: withTables needs an index-signature-compatible shape.
export type EditingTables = {
  user_account: UserAccountTable;
  session: SessionTable;
  login_failure: LoginFailureTable;
  api_token: ApiTokenTable;
  draft_change: DraftChangeTable;
  revision: RevisionTable;
  revision_head: RevisionHeadTable;
};

export type EditingDatabase = Database & EditingTables;

/** The same connection, typed to see the editing tables: `withEditingTables(db).selectFrom('revision')`. */
export function withEditingTables(db: Kysely<Database>): Kysely<EditingDatabase> {
  return db.withTables<EditingTables>();
}
