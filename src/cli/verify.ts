/** `mieruka verify`: walks the hash-chained history and names the first broken link. */
import { verifyChain } from '../store/editing/revisions.ts';
import { type CliCommand, UsageError } from './command.ts';
import { openMigratedDatabase } from './database.ts';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: '変更履歴のハッシュチェーンを検証する (check that no revision was altered or removed)',
  usage: '',
  async run(args, io) {
    if (args.length > 0)
      throw new UsageError(`余分な引数があります (unexpected arguments): ${args.join(' ')}`);
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
  },
};
