/**
 * The append-only history. Appends take the one-row `revision_head` with an UPDATE first: that row lock makes
 * concurrent PostgreSQL writers wait, and a SQLite write transaction is exclusive anyway, so the chain cannot fork.
 */
import { createHash, randomUUID } from 'node:crypto';
import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type SqlBool,
  sql,
} from 'kysely';
import {
  type ChainHead,
  canonicalJson,
  checkLink,
  formatChainHead,
  genesisHash,
  revisionHash,
} from '../../domain/editing/hash-chain.ts';
import { currentEntityName, storedEntityNames } from '../../domain/editing/records.ts';
import { bulkInsert } from '../db.ts';
import type { Database } from '../schema.ts';
import { toBoolean, toNumber } from '../values.ts';
import type {
  ChainVerdict,
  PublishedChangesQuery,
  Revision,
  RevisionAction,
  RevisionInput,
} from './contract.ts';
import { type EditingDatabase, type RevisionTable, withEditingTables } from './tables.ts';

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

type ParsedJson = { ok: true; value: unknown } | { ok: false };

function parseColumn(text: string | null): ParsedJson {
  if (text === null) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A stored row back as a Revision; a row whose JSON no longer parses comes back marked `unreadable`. */
export function revisionFromRow(row: Selectable<RevisionTable>): Revision {
  const seq = toNumber(row.seq);
  const before = parseColumn(row.before);
  const after = parseColumn(row.after);
  const broken = [...(before.ok ? [] : ['before']), ...(after.ok ? [] : ['after'])];
  return {
    seq,
    entity: row.entity,
    entityId: row.entity_id,
    planId: row.plan_id,
    action: row.action as RevisionAction,
    actor: row.actor,
    at: row.at,
    reason: row.reason,
    before: before.ok ? before.value : null,
    after: after.ok ? after.value : null,
    published: toBoolean(row.published),
    prevHash: row.prev_hash,
    hash: row.hash,
    ...(broken.length > 0
      ? {
          unreadable: `変更履歴 seq ${seq} の JSON が読めません (revision ${seq} cannot be read: its stored ${broken.join(' and ')} is not valid JSON)`,
        }
      : {}),
  };
}

/**
 * Appends one revision inside the caller's transaction, e.g. the importer's:
 * `await db.transaction().execute((trx) => appendRevision(trx, { entity: 'plan', action: 'import', … }))`.
 */
export async function appendRevision(trx: Kysely<Database>, input: RevisionInput): Promise<Revision> {
  const [revision] = await appendRevisions(trx, [input]);
  if (!revision) throw new Error('変更履歴を追加できませんでした (no revision appended)');
  return revision;
}

// A revision row's columns, in the order appendRevisions writes them.
const revisionColumns = [
  'seq',
  'entity',
  'entity_id',
  'plan_id',
  'action',
  'actor',
  'at',
  'reason',
  'before',
  'after',
  'published',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof ReturnType<typeof revisionRow>)[];

type EditingDb = ReturnType<typeof withEditingTables>;

// Lock and read in one statement: the row the UPDATE returns is the head as of holding its lock, never stale.
async function lockHead(db: EditingDb): Promise<ChainHead> {
  const head = await db
    .updateTable('revision_head')
    .set((eb) => ({ seq: eb('seq', '+', 0) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirst();
  return head ? { seq: toNumber(head.seq), hash: head.hash } : { seq: 0, hash: genesisHash };
}

async function moveHead(db: EditingDb, head: ChainHead): Promise<void> {
  await db.updateTable('revision_head').set({ seq: head.seq, hash: head.hash }).where('id', '=', 1).execute();
}

/** Appends several revisions in order under one lock, e.g. one per record of an import. */
export async function appendRevisions(trx: Kysely<Database>, inputs: RevisionInput[]): Promise<Revision[]> {
  if (inputs.length === 0) return [];
  const db = withEditingTables(trx);
  let previous = await lockHead(db);
  const at = new Date().toISOString();
  const revisions: Revision[] = [];
  for (const input of inputs) {
    const revision = link(input, previous, at);
    revisions.push(revision);
    previous = revision;
  }
  const values: unknown[] = [];
  for (const revision of revisions) {
    const row = revisionRow(revision);
    for (const column of revisionColumns) values.push(row[column]);
  }
  await bulkInsert(trx, 'revision', revisionColumns, values);
  await moveHead(db, previous);
  return revisions;
}

/** A revision whose `after` the caller already wrote as canonical JSON (object keys sorted at every depth). */
export type SerialisedRevisionInput = Omit<RevisionInput, 'after'> & { afterJson: string };

/**
 * Appends one revision with a large `after` serialised once by the caller: the text is stored as given and hashed
 * where it stands, so the chain's canonical-JSON rule holds as long as `afterJson` is canonical.
 * @example await appendSerialisedRevision(trx, { entity: 'plan', …, afterJson: canonicalJson(summary) }) // { seq: 13, hash: '9c…' }
 */
export async function appendSerialisedRevision(
  trx: Kysely<Database>,
  input: SerialisedRevisionInput,
): Promise<ChainHead> {
  return appendSerialisedRevisions(trx, [input]);
}

/**
 * Several such revisions in order under one lock and one insert, e.g. one per plan of an import; returns the new
 * head (the current one when `inputs` is empty).
 */
export async function appendSerialisedRevisions(
  trx: Kysely<Database>,
  inputs: readonly SerialisedRevisionInput[],
): Promise<ChainHead> {
  const db = withEditingTables(trx);
  let previous = await lockHead(db);
  if (inputs.length === 0) return previous;
  const at = new Date().toISOString();
  const values: unknown[] = [];
  for (const input of inputs) {
    const { afterJson, ...rest } = input;
    // The other fields through the usual rule, with a marker where `after` goes; the marker's text is then
    // replaced by `afterJson` in the hashed stream, never by parsing and re-serialising megabytes.
    const marker = `after:${randomUUID()}`;
    const revision = link({ ...rest, after: marker }, previous, at);
    const [head, tail] = canonicalJson(hashedFields(revision)).split(JSON.stringify(marker)) as [
      string,
      string,
    ];
    const hash = createHash('sha256').update(head).update(afterJson).update(tail).digest('hex');
    const row = { ...revisionRow({ ...revision, hash }), after: afterJson };
    for (const column of revisionColumns) values.push(row[column]);
    previous = { seq: revision.seq, hash };
  }
  await bulkInsert(trx, 'revision', revisionColumns, values);
  await moveHead(db, previous);
  return previous;
}

const hashedFields = ({ hash: _hash, ...fields }: Revision) => fields;

function link(input: RevisionInput, previous: { seq: number; hash: string }, at: string): Revision {
  // Values go through JSON once so the hashed value is exactly what a later read parses.
  const fields = {
    seq: previous.seq + 1,
    entity: input.entity,
    entityId: input.entityId,
    planId: input.planId,
    action: input.action,
    actor: input.actor,
    at: input.at ?? at,
    reason: input.reason,
    before: roundTrip(input.before),
    after: roundTrip(input.after),
    published: input.published,
    prevHash: previous.hash,
  };
  return { ...fields, hash: revisionHash(fields) };
}

function roundTrip(value: unknown): unknown {
  const text = json(value);
  return text === null ? null : JSON.parse(text);
}

function revisionRow(revision: Revision) {
  return {
    seq: revision.seq,
    entity: revision.entity,
    entity_id: revision.entityId,
    plan_id: revision.planId,
    action: revision.action,
    actor: revision.actor,
    at: revision.at,
    reason: revision.reason,
    before: json(revision.before),
    after: json(revision.after),
    published: revision.published ? 1 : 0,
    prev_hash: revision.prevHash,
    hash: revision.hash,
  };
}

type RevisionCondition = (eb: ExpressionBuilder<EditingDatabase, 'revision'>) => Expression<SqlBool>;

// A page holds up to `pageRows` revisions and, past its first, up to `pageBytes` of their JSON: a large import's
// revision holds all of a plan's records (a megabyte for 3,000 values), and a thousand of them read at once needed
// a heap of gigabytes.
const pageRows = 1000;
const pageBytes = 16 * 1024 * 1024;

/**
 * The revisions after `afterSeq` that fit one page, in order, and whether any come after them. Sizes are read
 * first, not JSON.
 */
async function readRevisionPage(
  db: EditingDb,
  afterSeq: number,
  condition: RevisionCondition = (eb) => eb.lit(true),
): Promise<{ rows: Selectable<RevisionTable>[]; more: boolean }> {
  const sizes = await db
    .selectFrom('revision')
    .select([
      'seq',
      sql<number>`coalesce(octet_length(${sql.ref('before')}), 0) + coalesce(octet_length(${sql.ref('after')}), 0)`.as(
        'bytes',
      ),
    ])
    .where(condition)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(pageRows)
    .execute();
  const taken = rowsWithin(sizes);
  const last = sizes[taken - 1];
  if (last === undefined) return { rows: [], more: false };
  const rows = await db
    .selectFrom('revision')
    .selectAll()
    .where(condition)
    .where('seq', '>', afterSeq)
    .where('seq', '<=', toNumber(last.seq))
    .orderBy('seq')
    .execute();
  return { rows, more: taken < sizes.length || sizes.length === pageRows };
}

// How many of the sizes fit one page: at least one, however large.
function rowsWithin(sizes: { bytes: number }[]): number {
  let bytes = 0;
  for (const [n, size] of sizes.entries()) {
    bytes += toNumber(size.bytes);
    if (n > 0 && bytes > pageBytes) return n;
  }
  return sizes.length;
}

/**
 * Walks the whole chain from seq 1, then checks the head, so an edited, inserted or removed row is named.
 * @example await verifyChain(db) // { ok: true, count: 412 }
 */
export async function verifyChain(database: Kysely<Database>): Promise<ChainVerdict> {
  const db = withEditingTables(database);
  let previous: { seq: number; hash: string } | undefined;
  let count = 0;
  for (let more = true; more; ) {
    const page = await readRevisionPage(db, previous?.seq ?? 0);
    more = page.more;
    for (const row of page.rows) {
      const revision = revisionFromRow(row);
      if (revision.unreadable) return { ok: false, brokenAt: revision.seq, reason: revision.unreadable };
      const verdict = checkLink(revision, previous);
      // A missing row shows at the first row after the gap.
      if (!verdict.ok) return { ok: false, brokenAt: revision.seq, reason: verdict.reason };
      previous = { seq: revision.seq, hash: revision.hash };
      count += 1;
    }
  }
  return checkHead(db, previous, count);
}

async function checkHead(
  db: ReturnType<typeof withEditingTables>,
  last: { seq: number; hash: string } | undefined,
  count: number,
): Promise<ChainVerdict> {
  const head = await db
    .selectFrom('revision_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  const headSeq = head ? toNumber(head.seq) : 0;
  const lastSeq = last?.seq ?? 0;
  // Removing the newest rows leaves a valid-looking prefix; the head still remembers the end.
  if (headSeq !== lastSeq)
    return {
      ok: false,
      brokenAt: Math.max(headSeq, lastSeq),
      reason: `最後の変更履歴がありません (the chain ends at ${lastSeq} but its head says ${headSeq})`,
    };
  if (head && last && head.hash !== last.hash)
    return {
      ok: false,
      brokenAt: lastSeq,
      reason: '最後のハッシュが一致しません (the head hash does not match)',
    };
  return { ok: true, count };
}

/**
 * The head as the one-row `revision_head` keeps it: what pages and exports publish.
 * @example await readChainHead(db) // { seq: 412, hash: '9c…' }
 */
export async function readChainHead(database: Kysely<Database>): Promise<ChainHead> {
  const head = await withEditingTables(database)
    .selectFrom('revision_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return head ? { seq: toNumber(head.seq), hash: head.hash } : { seq: 0, hash: genesisHash };
}

export type SavedHeadVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Whether the revision a kept head names still has its hash: with an intact chain (verifyChain) that proves the
 * log was only appended to since, e.g. `await checkSavedHead(db, { seq: 40, hash: '9c…' }) // { ok: true }`.
 */
export async function checkSavedHead(
  database: Kysely<Database>,
  saved: ChainHead,
): Promise<SavedHeadVerdict> {
  if (saved.seq === 0) return { ok: true };
  const row = await withEditingTables(database)
    .selectFrom('revision')
    .select(['seq', 'hash'])
    .where('seq', '=', saved.seq)
    .executeTakeFirst();
  const kept = formatChainHead(saved);
  if (!row)
    return {
      ok: false,
      reason: `保存された先頭 ${kept} の変更履歴 seq ${saved.seq} がありません (revision ${saved.seq} of the kept head is gone: the log was truncated or emptied)`,
    };
  if (row.hash !== saved.hash)
    return {
      ok: false,
      reason: `変更履歴 seq ${saved.seq} のハッシュが保存された先頭と違います (revision ${saved.seq} no longer has the kept hash ${saved.hash}: the log was rewritten)`,
    };
  return { ok: true };
}

/** Which published revisions to walk: all, some entities', or those of the given numbers (e.g. one plan's). */
export type PublishedRevisionScope =
  | { all: true }
  | { entities: readonly string[] }
  | { seqs: readonly number[] };

// Numbers looked up at once by `{ seqs }`: a bound on the statement's size.
const seqsAtOnce = 500;

function inScope(scope: PublishedRevisionScope): RevisionCondition {
  return (eb) => {
    const published = eb('published', '=', 1);
    if ('entities' in scope) return eb.and([published, eb('entity', 'in', [...scope.entities])]);
    if ('seqs' in scope) return eb.and([published, eb('seq', 'in', [...scope.seqs])]);
    return published;
  };
}

/**
 * Calls `visit` with every published revision of the scope in order, a page at a time, e.g. to replay the log.
 * @example await walkPublishedRevisions(db, (page) => replay(page), { seqs: [12, 40] })
 */
export async function walkPublishedRevisions(
  database: Kysely<Database>,
  visit: (revisions: Revision[]) => void,
  scope: PublishedRevisionScope = { all: true },
): Promise<void> {
  const db = withEditingTables(database);
  if ('seqs' in scope) {
    const seqs = [...scope.seqs].sort((a, b) => a - b);
    for (let start = 0; start < seqs.length; start += seqsAtOnce)
      await walkPages(db, visit, inScope({ seqs: seqs.slice(start, start + seqsAtOnce) }));
    return;
  }
  await walkPages(db, visit, inScope(scope));
}

async function walkPages(
  db: EditingDb,
  visit: (revisions: Revision[]) => void,
  condition: RevisionCondition,
) {
  let after = 0;
  for (let more = true; more; ) {
    const page = await readRevisionPage(db, after, condition);
    more = page.more;
    if (page.rows.length === 0) return;
    visit(page.rows.map(revisionFromRow));
    after = toNumber(page.rows[page.rows.length - 1]!.seq);
  }
}

/**
 * The numbers of the published revisions of each plan id (null: of none), read once in pages of numbers and plan
 * ids only: the log has no index by plan, and a query per plan read the whole log each time.
 * @example await publishedSeqsByPlan(db) // Map { 'komoro-mirai-2016' => [3, 4, 412], null => [7] }
 */
export async function publishedSeqsByPlan(database: Kysely<Database>): Promise<Map<string | null, number[]>> {
  const db = withEditingTables(database);
  const byPlan = new Map<string | null, number[]>();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('revision')
      .select(['seq', 'plan_id'])
      .where('published', '=', 1)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(10_000)
      .execute();
    for (const row of rows) {
      const seqs = byPlan.get(row.plan_id) ?? [];
      if (seqs.length === 0) byPlan.set(row.plan_id, seqs);
      seqs.push(toNumber(row.seq));
    }
    if (rows.length < 10_000) return byPlan;
    after = toNumber(rows[rows.length - 1]!.seq);
  }
}

/**
 * Revisions of one record, oldest first; `publishedOnly` keeps publish and import rows. Revisions written under
 * an entity's former name (`observation` for `indicatorValue`) are found too and come back under the current one.
 */
export async function listRevisionsOf(
  database: Kysely<Database>,
  entity: string,
  entityId: string,
  publishedOnly = false,
): Promise<Revision[]> {
  let query = withEditingTables(database)
    .selectFrom('revision')
    .selectAll()
    .where('entity', 'in', storedEntityNames(entity))
    .where('entity_id', '=', entityId);
  if (publishedOnly) query = query.where('published', '=', 1);
  return (await query.orderBy('seq').execute()).map((row) => ({
    ...revisionFromRow(row),
    entity: currentEntityName(row.entity),
  }));
}

// A batched import's `after` holds every record (megabytes): a list of changes names it and reads no further.
const listedJsonLimit = 100_000;

/**
 * Published revisions newest first, site-wide or of the given plans, `limit` at a time from `beforeSeq` back.
 * Values larger than a list needs (a batched import's records) come back as null.
 * @example await listPublishedChanges(db, { planIds: ['mirai-2016'], limit: 20 }) // [{ seq: 412, … }, …]
 */
export async function listPublishedChanges(
  database: Kysely<Database>,
  { planIds, beforeSeq, limit }: PublishedChangesQuery,
): Promise<Revision[]> {
  if (planIds && planIds.length === 0) return [];
  const bounded = (column: 'before' | 'after') =>
    sql<
      string | null
    >`case when length(${sql.ref(column)}) > ${listedJsonLimit} then null else ${sql.ref(column)} end`;
  let query = withEditingTables(database)
    .selectFrom('revision')
    .select([
      'seq',
      'entity',
      'entity_id',
      'plan_id',
      'action',
      'actor',
      'at',
      'reason',
      'published',
      'prev_hash',
      'hash',
      bounded('before').as('before'),
      bounded('after').as('after'),
    ])
    .where('published', '=', 1);
  if (planIds) query = query.where('plan_id', 'in', [...planIds]);
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(limit).execute();
  return rows.map((row) => ({ ...revisionFromRow(row), entity: currentEntityName(row.entity) }));
}
