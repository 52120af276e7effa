/**
 * Everything `mieruka verify` checks, as one report: the chain's links, a kept head (optional), and the published
 * tables against the replayed history. See docs/history-verification.md for what this proves and what it cannot.
 */
import type { Kysely } from 'kysely';
import type { ChainHead } from '../../domain/editing/hash-chain.ts';
import type { TableDiscrepancy } from '../../domain/editing/log-replay.ts';
import type { ChainVerdict } from '../../store/editing/contract.ts';
import {
  checkSavedHead,
  readChainHead,
  type SavedHeadVerdict,
  verifyChain,
} from '../../store/editing/revisions.ts';
import type { Database } from '../../store/schema.ts';
import { checkTablesAgainstLog } from './table-check.ts';

export interface HistoryReport {
  ok: boolean;
  chain: ChainVerdict;
  /** Present when a head kept earlier was given. */
  keptHead?: SavedHeadVerdict;
  tables: TableDiscrepancy[];
  /** The head now, to keep for the next check. */
  head: ChainHead;
}

/**
 * Runs every check, e.g. `(await verifyHistory(db, { keptHead: { seq: 287, hash: 'fe1f…' } })).ok // true`.
 */
export async function verifyHistory(
  db: Kysely<Database>,
  options: { keptHead?: ChainHead } = {},
): Promise<HistoryReport> {
  const chain = await verifyChain(db);
  const keptHead = options.keptHead ? await checkSavedHead(db, options.keptHead) : undefined;
  const tables = await checkTablesAgainstLog(db);
  const head = await readChainHead(db);
  const ok = chain.ok && (keptHead?.ok ?? true) && tables.length === 0;
  return { ok, chain, ...(keptHead ? { keptHead } : {}), tables, head };
}
