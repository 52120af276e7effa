/**
 * `mieruka verify` alone over a national set already imported (issue 16): its verdict, wall and CPU seconds, seconds
 * per organization and the process's peak RSS. Import first with
 * `MIERUKA_BENCH_DB=name npx tsx bench/national-import.ts 100 0 --keep`, then
 * Run: npx tsx bench/verify.ts [database, default mieruka_national_bench_import]
 */
import { loadavg } from 'node:os';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { verifyHistory } from '../src/io/history/verify-history.ts';
import { CurrentSchemaPostgresDialect } from '../src/store/postgres-dialect.ts';
import type { Database } from '../src/store/schema.ts';

const server = process.env.MIERUKA_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const name = process.argv[2] ?? 'mieruka_national_bench_import';

const db = new Kysely<Database>({
  dialect: new CurrentSchemaPostgresDialect({ pool: new pg.Pool({ connectionString: `${server}/${name}` }) }),
});
try {
  const counted = await sql<{ n: string }>`select count(*) as n from organization`.execute(db);
  const organizations = Number(counted.rows[0]!.n);
  const load = loadavg()[0]!;
  const cpu = process.cpuUsage();
  const from = performance.now();
  const report = await verifyHistory(db);
  const seconds = (performance.now() - from) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `verify ${report.ok ? 'ok' : 'NOT ok'} over ${organizations} organizations (${report.head.seq} revisions, ` +
      `${report.tables.length} discrepancies): ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU in Node, ` +
      `${((seconds / organizations) * 1000).toFixed(0)} ms per organization; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ` +
      `load ${load.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`,
  );
} finally {
  await db.destroy();
}
