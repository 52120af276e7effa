/**
 * What the staff side (login, admin forms, write API) calls to edit content. Contract only:
 * src/store/editing/ and src/store/accounts/ implement it over Kysely for SQLite and PostgreSQL:
 * `createEditingStore(db: Kysely<Database>): EditingStore` (src/store/editing/index.ts) and
 * `createAccountStore(db: Kysely<Database>, options?: AccountStoreOptions): AccountStore` (src/store/accounts/index.ts).
 *
 * Expected failures are values, never exceptions: every command answers `{ ok: true, value }` or
 * `{ ok: false, error }` with error.code 'not_found' (404), 'invalid' (400, per-field messages),
 * 'forbidden' (403), 'conflict' (409, both versions) or, for logins, 'throttled' (429).
 * Every write checks `can()` (src/domain/editing/permissions.ts) again, whatever the caller checked.
 */

import type { Actor, Role } from '../../domain/editing/permissions.ts';
import type { EditingEntity, EditingRecord } from '../../domain/editing/records.ts';
import type {
  Evaluation,
  Organization,
  PlanNode,
  PlanStatement,
  SourceDocument,
} from '../../domain/model.ts';
import type { PlanHeader } from '../read-store.ts';

export type { Actor, Role } from '../../domain/editing/permissions.ts';
export type { EditingEntity, EditingRecord } from '../../domain/editing/records.ts';

// ── results ────────────────────────────────────────────────────────────────────────────────────────

/** One message per field, Japanese first: `「目標値」が数値ではありません (target is not a number)`. */
export interface FieldIssue {
  /** Dotted path in the submitted record, e.g. "title" or "source.line"; "" for the whole record. */
  field: string;
  message: string;
}

/** A record as stored, with the version a later save must quote. */
export interface VersionedRecord {
  entity: EditingEntity;
  id: string;
  version: number;
  /** null when the record is deleted (or about to be, in a delete draft). */
  data: EditingRecord | null;
}

export type EditingError =
  | { code: 'not_found'; entity: EditingEntity | 'draft' | 'user' | 'api_token'; id: string }
  | { code: 'invalid'; issues: FieldIssue[] }
  | { code: 'forbidden'; message: string }
  /** `current` is what is stored now (draft or published), `submitted` what the caller sent; nothing was written. */
  | { code: 'conflict'; current: VersionedRecord; submitted: VersionedRecord };

export type Result<T, E = EditingError> = { ok: true; value: T } | { ok: false; error: E };

// ── drafts ─────────────────────────────────────────────────────────────────────────────────────────

export type DraftAction = 'create' | 'update' | 'delete';

/** A pending change, one per record: saving again over a record with a draft updates that draft. */
export interface DraftChange {
  id: string;
  entity: EditingEntity;
  entityId: string;
  action: DraftAction;
  /** The complete flat record after the change; for a delete, the record as it was. */
  data: EditingRecord;
  /** The published version the draft was made from; null for a create. */
  baseVersion: number | null;
  planId: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  /** The draft's version (one past the published version it was made from), quoted by the next save or discard. */
  version: number;
}

/** How a page marks an overlaid item. */
export interface DraftInfo {
  id: string;
  action: DraftAction;
  version: number;
}

export interface SaveChangeInput {
  entity: EditingEntity;
  /** 'create' needs data.id unused; 'update' needs the complete record; 'delete' needs only id. */
  action: DraftAction;
  id: string;
  /** The complete flat record (validated by recordSchemas[entity]); ignored for 'delete'. */
  data?: unknown;
  /**
   * The version the editor started from: the draft's version when the record has a draft,
   * otherwise the published row's version; null for a create. A different stored version is a conflict.
   */
  version: number | null;
  reason?: string;
}

export interface PublishOutcome {
  /** Records written to the public tables, each with its new published version (0 for a delete). */
  published: { entity: EditingEntity; id: string; action: DraftAction; version: number }[];
}

/** The published tree with drafts overlaid: what a staff page renders. */
export interface PlanWithDrafts {
  plan: PlanHeader & { statements: PlanStatement[]; nodes: PlanNode[]; evaluations: Evaluation[] };
  /** Record id → its draft, for every overlaid item (created, changed, or to be deleted: still in the tree). */
  drafts: Record<string, DraftInfo & { entity: EditingEntity }>;
  /** Drafts of records the tree cannot show (e.g. a source row); listed so nothing pending is hidden. */
  pending: DraftChange[];
  /**
   * Indicator id → the record ids of its values, which the tree's values do not carry (baseline and target have
   * no id in the model; imported observations have generated ones): what staff need to open a value's form.
   */
  valueIds: Record<string, IndicatorValueIds>;
}

/** An indicator's value records: `observations` in the order of `Indicator.observations`. */
export interface IndicatorValueIds {
  baseline: string | null;
  target: string | null;
  observations: string[];
}

// ── the evaluation cycle ───────────────────────────────────────────────────────────────────────────

export interface SignEvaluationInput {
  id: string;
  /** The version the signer saw: the draft's when it has one, else the published row's. */
  version: number;
  reason?: string;
}

export interface SignedEvaluation {
  id: string;
  version: number;
  signedBy: string;
  signedAt: string;
}

// ── history ────────────────────────────────────────────────────────────────────────────────────────

export type RevisionAction = 'create' | 'update' | 'delete' | 'publish' | 'import';

/** One link of the append-only, hash-chained history. */
export interface Revision {
  seq: number;
  entity: string;
  entityId: string;
  planId: string | null;
  action: RevisionAction;
  /** The login of whoever made the change ("system" for the demo seed). */
  actor: string;
  /** ISO 8601 instant. */
  at: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  /** True for rows that changed what citizens see (publish, import; a signed stage is published). */
  published: boolean;
  prevHash: string;
  hash: string;
  /** Why the stored row cannot be read (its JSON no longer parses); `before` and `after` are null then. */
  unreadable?: string;
}

export type RevisionInput = Omit<Revision, 'seq' | 'at' | 'prevHash' | 'hash' | 'unreadable'> & {
  at?: string;
};

export type ChainVerdict = { ok: true; count: number } | { ok: false; brokenAt: number; reason: string };

// ── the editing store ──────────────────────────────────────────────────────────────────────────────

export interface EditingStore {
  /** The record as staff see it: its draft when there is one, else the published row. */
  getRecord(
    entity: EditingEntity,
    id: string,
  ): Promise<(VersionedRecord & { draft: DraftInfo | null; published: VersionedRecord | null }) | undefined>;
  /**
   * The organization a record (draft or published) belongs to, derived through its plan; null when none is found,
   * undefined when there is no such record. What the staff pages check before showing a draft.
   */
  organizationOf(entity: EditingEntity, id: string): Promise<string | null | undefined>;
  /**
   * Creates or updates the record's draft (checking versions and permissions); appends a revision.
   * Deleting a record that was only ever a draft removes that draft: the change returned is then not stored.
   */
  saveChange(actor: Actor, input: SaveChangeInput): Promise<Result<DraftChange>>;
  /** Drops a draft without publishing it; `version` is the draft's version. */
  discardDraft(actor: Actor, draftId: string, version: number): Promise<Result<void>>;
  listDrafts(planId?: string): Promise<DraftChange[]>;
  /** Applies drafts to the public tables in one transaction, bumping versions; all or nothing. */
  publish(actor: Actor, draftIds: string[], reason?: string): Promise<Result<PublishOutcome>>;
  getPlanWithDrafts(planId: string): Promise<PlanWithDrafts | undefined>;
  /** Every revision of a record (drafts included), oldest first: for staff. */
  listRevisions(entity: EditingEntity, id: string): Promise<Revision[]>;
  /** Only what was published (publish, import), oldest first: for the public site. */
  listPublicHistory(entity: EditingEntity, id: string): Promise<Revision[]>;
  verifyChain(): Promise<ChainVerdict>;
  /**
   * Signs a stage of the evaluation cycle: department editors their 一次評価, admins every stage.
   * Publishes the evaluation with its signature and appends a 'publish' revision naming the stage; a stage is
   * signed once.
   */
  signEvaluation(actor: Actor, input: SignEvaluationInput): Promise<Result<SignedEvaluation>>;

  /** Admin only: a new organization, public at once, with a 'create' revision. */
  createOrganization(actor: Actor, input: unknown): Promise<Result<Organization>>;
  /** Admin only: a new source document with its uploaded file and text, public at once, with a revision. */
  registerDocument(actor: Actor, input: DocumentRegistration): Promise<Result<SourceDocument>>;
  /** A registered document's stored text; undefined for documents whose text is a dataset file. */
  documentText(id: string): Promise<string | undefined>;
  documentFileInfo(id: string): Promise<DocumentFileInfo | undefined>;
  documentFileContent(
    id: string,
  ): Promise<{ name: string; mediaType: string; bytes: Uint8Array } | undefined>;
}

/** What registering a document takes: its fields, and the uploaded file and text (src/store/registry/documents.ts). */
export interface DocumentRegistration {
  organizationId: string;
  /** The document's fields, validated by sourceDocumentSchema; a registered document must say its kind. */
  document: unknown;
  file?: { name: string; mediaType: string; bytes: Uint8Array };
  /** The text line references count in: a text file's, extracted from a PDF, or pasted by staff. */
  text?: string;
  textOrigin: TextOrigin;
}

export type TextOrigin = 'file' | 'pdftotext' | 'pasted' | 'none';

/** What a registered document holds besides its record. */
export interface DocumentFileInfo {
  fileName: string | null;
  mediaType: string | null;
  byteSize: number | null;
  sha256: string | null;
  textOrigin: TextOrigin;
  lineCount: number;
  uploadedBy: string;
  uploadedAt: string;
}

// ── accounts ───────────────────────────────────────────────────────────────────────────────────────

export interface User extends Actor {
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NewUser {
  login: string;
  password: string;
  role: Role;
  nodeIds?: string[] | null;
  /** The organization (id or 団体コード) the account works for; null operator-wide; absent: the adding admin's. */
  organizationId?: string | null;
}

export interface UserChange {
  role?: Role;
  nodeIds?: string[] | null;
  /** Moves the account to an organization (id or 団体コード), or null: operator-wide. */
  organizationId?: string | null;
  disabled?: boolean;
}

export interface LoginThrottle {
  allowed: boolean;
  /** 0 when allowed; else seconds until the next attempt is accepted (the Retry-After header). */
  retryAfterSeconds: number;
}

export type LoginError =
  | { code: 'invalid_credentials'; message: string }
  | { code: 'throttled'; message: string; retryAfterSeconds: number };

export interface Session {
  /** The raw token for the cookie; only its SHA-256 is stored. */
  token: string;
  userId: string;
  expiresAt: string;
}

export interface ApiTokenInfo {
  id: string;
  userId: string;
  label: string;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  /** Updated on use, at most once a minute. */
  lastUsedAt: string | null;
  expiresAt: string | null;
  /** The organization the token acts in; null: its user's scope. */
  organizationId: string | null;
}

/** Why a bearer token was refused, as the API's 401 says it. */
export interface ApiTokenRefusal {
  code: 'unauthenticated';
  reason: 'unknown' | 'revoked' | 'expired' | 'disabled' | 'organization';
  message: string;
}

export interface IssueApiTokenOptions {
  /** Days until the token expires (1–365); the store's default (90) when omitted. */
  expiresInDays?: number;
  /** Narrows an operator-wide user's token to one organization (id or 団体コード); default: the user's scope. */
  organizationId?: string;
}

export interface AccountStore {
  /**
   * No actor: the CLI bootstraps the first admin. With one: an admin adds within their organization.
   * Fails 'invalid' for a taken login, a short password or an unknown organization.
   */
  addUser(input: NewUser, actor?: Actor): Promise<Result<User>>;
  /** Every account, or only those of one organization (operator-wide accounts are not among them). */
  listUsers(organizationId?: string): Promise<User[]>;
  getUser(id: string): Promise<User | undefined>;
  findUserByLogin(login: string): Promise<User | undefined>;
  /** Admin only: role, department nodes, disabled. Disabling ends the user's sessions. */
  updateUser(actor: Actor, userId: string, change: UserChange): Promise<Result<User>>;
  /** Admin only; ends the user's sessions. */
  resetPassword(actor: Actor, userId: string, password: string): Promise<Result<User>>;

  /** Counts the attempt if the throttle allows it, then checks the password; a success clears the failures. */
  login(login: string, password: string, address: string): Promise<Result<User, LoginError>>;
  recordLoginFailure(login: string, address: string): Promise<void>;
  loginThrottle(login: string, address: string): Promise<LoginThrottle>;

  createSession(userId: string): Promise<Session>;
  /** The session's user, or undefined when unknown, expired, or the user is disabled. */
  authenticateSession(token: string): Promise<User | undefined>;
  deleteSession(token: string): Promise<void>;

  /** Admin only: returns the token once; only its SHA-256 is stored. */
  issueApiToken(
    adminId: string,
    userId: string,
    label: string,
    options?: IssueApiTokenOptions,
  ): Promise<Result<ApiTokenInfo & { token: string }>>;
  /** The token's user; refused when unknown, revoked, expired or the user disabled. Notes the use. */
  authenticateApiToken(token: string): Promise<Result<User, ApiTokenRefusal>>;
  revokeApiToken(adminId: string, tokenId: string): Promise<Result<void>>;
  listApiTokens(userId?: string): Promise<ApiTokenInfo[]>;
}

/** Settings of `createAccountStore(db, options)`; the defaults suit production. */
export interface AccountStoreOptions {
  /** Failed logins per account and address before the throttle answers 429 (default 5). */
  maxFailures?: number;
  /** Failed logins per account from all addresses together before the throttle answers 429 (default 20). */
  maxFailuresPerLogin?: number;
  /** Failures older than this are forgotten (default 900 s). */
  failureWindowSeconds?: number;
  /** How long a throttled pair waits after its last failure (default 900 s). */
  lockoutSeconds?: number;
  /** Session lifetime (default 8 h). */
  sessionSeconds?: number;
  /** Days an API token lasts when its issuer does not say (default 90). */
  apiTokenDays?: number;
  /** The clock, for tests. */
  now?: () => Date;
}
