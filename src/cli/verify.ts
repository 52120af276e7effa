/** `mieruka verify`: walks the hash-chained history and names the first broken link. */
import { verifyChain } from '../store/editing/revisions.ts';
import { type CliIo, UsageError } from './command.ts';
import { commandNamed } from './commands.ts';
import { openMigratedDatabase } from './database.ts';

/** Runs `mieruka verify`; resolves with 1 when a revision was altered or removed. */
export async function runVerify(args: string[], io: CliIo): Promise<number> {
  if (args.length > 0) throw new UsageError(`余分な引数があります (unexpected arguments): ${args.join(' ')}`);
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  try {
    const verdict = await verifyChain(handle.db);
    if (verdict.ok) {
      io.out(`変更履歴は正しくつながっています (chain intact): ${verdict.count} revisions`);
      return 0;
    }
    io.err(
      `変更履歴 ${verdict.brokenAt} でチェーンが切れています (chain broken at seq ${verdict.brokenAt}): ${verdict.reason}`,
    );
    return 1;
  } finally {
    await handle.close();
  }
}

// src/web/admin/verify-chain.test.ts runs the command from here as a one-entry table; drop this once it runs
// the default table (`runCli(['verify'], io)`), which is the same command.
export const verifyCommand = commandNamed('verify');
