/** `mieruka seed demo`: loads the demo datasets (小諸市, 枚方市) into an empty database. */
import { seedFullDemo } from '../io/seed-demo.ts';
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
    const docs = await seedFullDemo(handle.db);
    const plans = docs.reduce((n, d) => n + d.plans.length, 0);
    io.out(
      `デモデータを保存しました (seeded): ${docs.map((d) => d.organization.name).join('、')}, ${plans} plans`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
