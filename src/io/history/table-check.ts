/**
 * `mieruka verify`'s second half: replays the published history and names every record whose stored content
 * differs from it. Here rather than in src/store because a large import's revision holds its records as columns
 * (src/domain/editing/columnar-records.ts).
 */
import type { Kysely } from 'kysely';
import { type ColumnarRecords, expandColumns } from '../../domain/editing/columnar-records.ts';
import {
  compareWithTables,
  type LoggedRecord,
  recordKey,
  replayLog,
  type StoredRecord,
  type TableDiscrepancy,
} from '../../domain/editing/log-replay.ts';
import { currentEntityName, storedEntityNames } from '../../domain/editing/records.ts';
import type { Revision } from '../../store/editing/contract.ts';
import { publishedSeqsByPlan, walkPublishedRevisions } from '../../store/editing/revisions.ts';
import {
  listPlanIds,
  readStoredRecordsOfPlan,
  storedEntities,
  storedKeys,
} from '../../store/editing/stored-records.ts';
import type { Database } from '../../store/schema.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A large table import's one revision per plan (src/store/table-import/import-revisions.ts), told by its shape.
function batchRecords(revision: Revision): LoggedRecord[] | undefined {
  const { action, before, after } = revision;
  if (action !== 'import' || before !== null || !isObject(after) || typeof after.file !== 'string')
    return undefined;
  if (!isObject(after.counts) || !isObject(after.created) || !isObject(after.updated)) return undefined;
  const records: LoggedRecord[] = [];
  for (const group of [after.created, after.updated]) {
    for (const [entity, columns] of Object.entries(group)) {
      for (const record of expandColumns(columns as ColumnarRecords))
        records.push({ entity: currentEntityName(entity), id: String(record.id), record, seq: revision.seq });
    }
  }
  return records;
}

/**
 * The records one published revision sets: the whole record after it, null after a delete. Each under its
 * entity's current name, whatever name the revision was written with (`observation` → `indicatorValue`).
 * @example loggedRecordsOf(publishRevision) // [{ entity: 'node', id: 'pillar-1', record: { title: … }, seq: 7 }]
 */
export function loggedRecordsOf(revision: Revision): LoggedRecord[] {
  // verifyChain reports an unreadable row by its seq; here it sets nothing.
  if (revision.unreadable) return [];
  const batch = batchRecords(revision);
  if (batch) return batch;
  const { entityId: id, seq, after } = revision;
  const entity = currentEntityName(revision.entity);
  if (after === null) return [{ entity, id, record: null, seq }];
  return isObject(after) ? [{ entity, id, record: after, seq }] : [];
}

/** What `checkTablesAgainstLog` held at once while checking one plan (or the revisions of no plan). */
export interface PlanChecked {
  planId: string | null;
  /** Records replayed from the plan's revisions, plus the sources every plan's check consults. */
  logged: number;
  stored: number;
}

export interface TableCheckOptions {
  /** Called after each plan's check, e.g. by a test that memory stays flat however many plans there are. */
  onPlanChecked?: (held: PlanChecked) => void;
}

/** One plan's published revisions, or (planId null) those of no plan the tables hold: a deleted plan's, sources'. */
interface Scope {
  planId: string | null;
  seqs: readonly number[];
}

async function scopesOf(db: Kysely<Database>): Promise<Scope[]> {
  const seqsByPlan = await publishedSeqsByPlan(db);
  const scopes: Scope[] = (await listPlanIds(db)).map((planId) => {
    const seqs = seqsByPlan.get(planId) ?? [];
    seqsByPlan.delete(planId);
    return { planId, seqs };
  });
  return [...scopes, { planId: null, seqs: [...seqsByPlan.values()].flat() }];
}

const covered = new Set<string>(storedEntities);
const isSource = (logged: LoggedRecord) => logged.entity === 'source';

/** A scope's records in log order, folded into the last state of each, over `base`; and each key's first seq. */
async function replayScope(db: Kysely<Database>, scope: Scope, base: ReadonlyMap<string, LoggedRecord>) {
  const log = new Map(base);
  const firstSeq = new Map<string, number>();
  await walkPublishedRevisions(
    db,
    (page) => {
      for (const revision of page) {
        for (const logged of loggedRecordsOf(revision)) {
          // A source's last state is the whole log's, read once before the plans (`sources`).
          if (isSource(logged)) continue;
          const key = recordKey(logged.entity, logged.id);
          if (!firstSeq.has(key)) firstSeq.set(key, logged.seq);
          log.set(key, logged);
        }
      }
    },
    { seqs: scope.seqs },
  );
  return { log, firstSeq };
}

// Sources are corrected in place by 'source' revisions of any plan; every plan's check reads their last state.
async function replaySources(db: Kysely<Database>): Promise<Map<string, LoggedRecord>> {
  const log = new Map<string, LoggedRecord>();
  await walkPublishedRevisions(
    db,
    (page) => replayLog(page.flatMap((revision) => loggedRecordsOf(revision)).filter(isSource), log),
    { entities: storedEntityNames('source') },
  );
  return log;
}

interface ScopeOutcome {
  found: TableDiscrepancy[];
  /** The first seq of each key reported deleted: the whole log's replay lists them in that order. */
  firstSeq: Map<string, number>;
  /** Keys the scope's revisions set that its tables do not hold: deletions, or records of another plan now. */
  loggedOnly: { entity: string; id: string }[];
}

interface LoadedScope {
  planId: string | null;
  log: Map<string, LoggedRecord>;
  firstSeq: Map<string, number>;
  stored: StoredRecord[];
}

async function loadScope(
  db: Kysely<Database>,
  scope: Scope,
  sources: ReadonlyMap<string, LoggedRecord>,
): Promise<LoadedScope> {
  const { planId } = scope;
  const [{ log, firstSeq }, stored] = await Promise.all([
    replayScope(db, scope, sources),
    planId === null ? [] : readStoredRecordsOfPlan(db, planId),
  ]);
  return { planId, log, firstSeq, stored };
}

function checkLoaded(
  { planId, log, firstSeq, stored }: LoadedScope,
  options: TableCheckOptions,
): ScopeOutcome {
  options.onPlanChecked?.({ planId, logged: log.size, stored: stored.length });
  const found = compareWithTables(log, stored, storedEntities);
  const storedHere = new Set(stored.map((row) => recordKey(row.entity, row.id)));
  const loggedOnly: ScopeOutcome['loggedOnly'] = [];
  for (const [key, logged] of log)
    if (covered.has(logged.entity) && !storedHere.has(key))
      loggedOnly.push({ entity: logged.entity, id: logged.id });
  return { found, firstSeq, loggedOnly };
}

// The next scope is read while one is compared: the database and Node work side by side, two plans held at most.
async function* checkedScopes(
  db: Kysely<Database>,
  scopes: readonly Scope[],
  sources: ReadonlyMap<string, LoggedRecord>,
  options: TableCheckOptions,
): AsyncGenerator<ScopeOutcome> {
  const load = (n: number) => {
    const loading = loadScope(db, scopes[n]!, sources);
    // Awaited on the next turn; a failure meanwhile is not left unhandled.
    loading.catch(() => undefined);
    return loading;
  };
  let next = scopes.length > 0 ? load(0) : undefined;
  for (let n = 0; next; n += 1) {
    const loaded = await next;
    next = n + 1 < scopes.length ? load(n + 1) : undefined;
    yield checkLoaded(loaded, options);
  }
}

/**
 * Every record whose published content differs from what the history says, e.g. `await checkTablesAgainstLog(db) // []`.
 * One plan at a time: its revisions replayed against its tables, so memory holds one plan's records whatever the
 * number of plans. A record whose revisions or row span plans (moved, or tampered with) is checked again at the end
 * against the whole log, so the verdicts are those of replaying everything at once.
 */
export async function checkTablesAgainstLog(
  db: Kysely<Database>,
  options: TableCheckOptions = {},
): Promise<TableDiscrepancy[]> {
  const sources = await replaySources(db);
  const scopes = await scopesOf(db);
  const found: TableDiscrepancy[] = [];
  const firstSeq = new Map<string, number>();
  const loggedOnly = new Map<string, { entity: string; id: string; scopes: number }>();
  for await (const outcome of checkedScopes(db, scopes, sources, options)) {
    found.push(...outcome.found);
    for (const d of outcome.found) {
      const key = recordKey(d.entity, d.id);
      if (d.kind === 'deleted') firstSeq.set(key, outcome.firstSeq.get(key) ?? d.seq);
    }
    for (const record of outcome.loggedOnly) {
      const key = recordKey(record.entity, record.id);
      const seen = loggedOnly.get(key);
      loggedOnly.set(key, { ...record, scopes: (seen?.scopes ?? 0) + 1 });
    }
  }
  const wanderers = await spanningPlans(db, [...loggedOnly.values()]);
  const settled = found.filter((d) => !wanderers.has(recordKey(d.entity, d.id)));
  if (wanderers.size > 0) {
    const again = await checkAcrossPlans(db, scopes, sources, wanderers);
    settled.push(...again.found);
    for (const [key, seq] of again.firstSeq) firstSeq.set(key, seq);
  }
  return inLogOrder(settled, firstSeq);
}

/**
 * The keys whose records span plans: set by revisions of several plans and stored in none, or set by a plan's
 * revisions and stored under another. Any other record's revisions and row are all in one plan, checked there.
 */
async function spanningPlans(
  db: Kysely<Database>,
  loggedOnly: { entity: string; id: string; scopes: number }[],
): Promise<Set<string>> {
  const spanning = new Set(loggedOnly.filter((r) => r.scopes > 1).map((r) => recordKey(r.entity, r.id)));
  for (const key of await storedKeys(db, loggedOnly)) spanning.add(key);
  return spanning;
}

// The few records that span plans, replayed over the whole log and compared as a single replay compares them.
async function checkAcrossPlans(
  db: Kysely<Database>,
  scopes: Scope[],
  sources: ReadonlyMap<string, LoggedRecord>,
  keys: ReadonlySet<string>,
) {
  const log = new Map(sources);
  const firstSeq = new Map<string, number>();
  const stored: StoredRecord[] = [];
  for (const scope of scopes) {
    const replayed = await replayScope(db, scope, new Map());
    for (const [key, logged] of replayed.log) {
      if (!keys.has(key)) continue;
      if ((log.get(key)?.seq ?? 0) < logged.seq) log.set(key, logged);
      const first = replayed.firstSeq.get(key)!;
      if (first < (firstSeq.get(key) ?? Number.POSITIVE_INFINITY)) firstSeq.set(key, first);
    }
    if (scope.planId !== null)
      for (const row of await readStoredRecordsOfPlan(db, scope.planId))
        if (keys.has(recordKey(row.entity, row.id))) stored.push(row);
  }
  // The log's order: a key first set earlier comes first, as in one replay.
  const ordered = new Map([...log].sort(([a], [b]) => (firstSeq.get(a) ?? 0) - (firstSeq.get(b) ?? 0)));
  return { found: compareWithTables(ordered, stored, storedEntities), firstSeq };
}

// One replay of the whole log lists edited and added records in plan order, then deleted ones by first seq.
function inLogOrder(found: TableDiscrepancy[], firstSeq: ReadonlyMap<string, number>): TableDiscrepancy[] {
  const seqOf = (d: TableDiscrepancy) => firstSeq.get(recordKey(d.entity, d.id)) ?? 0;
  const deleted = found.filter((d) => d.kind === 'deleted').sort((a, b) => seqOf(a) - seqOf(b));
  return [...found.filter((d) => d.kind !== 'deleted'), ...deleted];
}
