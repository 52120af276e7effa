/** The demo for a first start: `serve` and `build-static` load it into an empty database. */
import { seedFullDemo } from '../io/seed-demo.ts';
import type { DatabaseHandle } from '../store/db.ts';
import { isEmpty } from '../store/seed.ts';
import type { CliIo } from './command.ts';

/** Loads the demo (小諸市, 枚方市) into an empty database, as `serve` and `build-static` do on first use. */
export async function seedDemoIfEmpty(handle: DatabaseHandle, io: CliIo): Promise<void> {
  if (!(await isEmpty(handle.db))) return;
  const docs = await seedFullDemo(handle.db);
  io.out(`デモデータを保存しました (seeded the demo): ${docs.map((d) => d.organization.name).join('、')}`);
}
