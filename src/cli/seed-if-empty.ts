/** The demo for a first start: `serve` and `build-static` load it into an empty database. */
import { seedDemo } from '../io/seed-demo.ts';
import type { DatabaseHandle } from '../store/db.ts';
import { isEmpty } from '../store/seed.ts';
import type { CliIo } from './command.ts';

/** Loads the Komoro demo into an empty database, as `serve` and `build-static` do on first use. */
export async function seedDemoIfEmpty(handle: DatabaseHandle, io: CliIo): Promise<void> {
  if (!(await isEmpty(handle.db))) return;
  const doc = await seedDemo(handle.db);
  io.out(`デモデータを保存しました (seeded the demo): ${doc.organization.name}`);
}
