/** `mieruka seed demo`: loads the Komoro demo dataset into an empty database. */
import { seedDemo } from '../io/seed-demo.ts';
import { isEmpty } from '../store/seed.ts';
import { type CliIo, UsageError } from './command.ts';
import { openMigratedDatabase } from './database.ts';

/** Runs `mieruka seed demo`; resolves with 1 when the database already holds data. */
export async function runSeed(args: string[], io: CliIo): Promise<number> {
  if (args.length !== 1 || args[0] !== 'demo') {
    throw new UsageError(
      `データセット名は demo のみです (the only dataset is "demo"): ${args.join(' ') || '(none)'}`,
    );
  }
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  try {
    // Saving again would collide on every id; say so instead of printing a constraint error.
    if (!(await isEmpty(handle.db))) {
      io.err('データベースは空ではありません (the database is not empty; nothing seeded)');
      return 1;
    }
    const doc = await seedDemo(handle.db);
    io.out(`デモデータを保存しました (seeded): ${doc.organization.name}, ${doc.plans.length} plans`);
    return 0;
  } finally {
    await handle.close();
  }
}
