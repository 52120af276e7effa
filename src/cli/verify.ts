/**
 * `mieruka verify [--head SEQ:HASH|saved.json]`: walks the hash-chained history and names the first broken link,
 * checks that a head kept earlier is still in the chain (so the log was only appended to), replays the published
 * history against the published tables, and prints the current head for the next check.
 */
import { type ChainHead, formatChainHead } from '../domain/editing/hash-chain.ts';
import { describeDiscrepancy } from '../domain/editing/log-replay.ts';
import { readKeptHead } from '../io/history/kept-head.ts';
import { type HistoryReport, verifyHistory } from '../io/history/verify-history.ts';
import { type CliIo, parseCommandArgs, UsageError } from './command.ts';
import { openMigratedDatabase } from './database.ts';

// Enough to act on; a table rewritten wholesale would otherwise print every row.
const listedDiscrepancies = 50;

function printChain(report: HistoryReport, io: CliIo): void {
  const { chain } = report;
  if (chain.ok) io.out(`変更履歴は正しくつながっています (chain intact): ${chain.count} revisions`);
  else
    io.err(
      `変更履歴 ${chain.brokenAt} でチェーンが切れています (chain broken at seq ${chain.brokenAt}): ${chain.reason}`,
    );
}

function printKeptHead(report: HistoryReport, kept: ChainHead, io: CliIo): void {
  if (!report.keptHead) return;
  if (report.keptHead.ok)
    io.out(
      `保存された先頭 ${formatChainHead(kept)} から追記だけです (only appended to since the kept head ${formatChainHead(kept)})`,
    );
  else io.err(report.keptHead.reason);
}

function printTables(report: HistoryReport, io: CliIo): void {
  const found = report.tables;
  if (found.length === 0) {
    io.out('公開中のデータは変更履歴と一致します (published tables match the replayed history)');
    return;
  }
  io.err(
    `公開中のデータ ${found.length} 件が変更履歴と違います (${found.length} published records differ from the replayed history):`,
  );
  for (const discrepancy of found.slice(0, listedDiscrepancies))
    io.err(`  ${describeDiscrepancy(discrepancy)}`);
  const more = found.length - listedDiscrepancies;
  if (more > 0) io.err(`  … ほか ${more} 件 (and ${more} more)`);
}

async function keptHeadOf(value: string | undefined): Promise<ChainHead | undefined> {
  if (value === undefined) return undefined;
  const kept = await readKeptHead(value);
  if (!kept.ok) throw new UsageError(kept.error);
  return kept.head;
}

/** Runs `mieruka verify`; resolves with 1 when a revision was altered or removed, or a table differs from the log. */
export async function runVerify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { head: { type: 'string' } });
  if (positionals.length > 0)
    throw new UsageError(`余分な引数があります (unexpected arguments): ${positionals.join(' ')}`);
  const keptHead = await keptHeadOf(values.head);
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  try {
    const report = await verifyHistory(handle.db, keptHead ? { keptHead } : {});
    printChain(report, io);
    if (keptHead) printKeptHead(report, keptHead, io);
    printTables(report, io);
    io.out(`現在の先頭 (current head): ${formatChainHead(report.head)}`);
    return report.ok ? 0 : 1;
  } finally {
    await handle.close();
  }
}
