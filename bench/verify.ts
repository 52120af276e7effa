/**
 * `mieruka verify` alone over a national set already imported (issue 16): its verdict, wall and CPU seconds, seconds
 * per organization and the process's peak RSS. Import first with
 * `MIERUKA_BENCH_DB=name npx tsx bench/national-import.ts 100 0 --keep`, then
 * Run: npx tsx bench/verify.ts [database, default mieruka_national_bench_import]
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { verifyHistory } from '../src/io/history/verify-history.ts';
import { CurrentSchemaPostgresDialect } from '../src/store/postgres-dialect.ts';
import type { Database } from '../src/store/schema.ts';

const server = process.env.MIERUKA_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const name = process.argv[2] ?? 'mieruka_national_bench_import';

/** CPU seconds of this database's backends so far, from /proc (Linux, same machine). */
async function backendCpuSeconds(db: Kysely<Database>): Promise<number> {
  const backends = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db);
  let ticks = 0;
  for (const { pid } of backends.rows) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

const db = new Kysely<Database>({
  dialect: new CurrentSchemaPostgresDialect({ pool: new pg.Pool({ connectionString: `${server}/${name}` }) }),
});
try {
  const counted = await sql<{ n: string }>`select count(*) as n from organization`.execute(db);
  const organizations = Number(counted.rows[0]!.n);
  const load = loadavg()[0]!;
  // Open the pool's connections first, so that every backend verify uses is counted from here.
  await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`.execute(db)));
  const databaseCpu = await backendCpuSeconds(db);
  const cpu = process.cpuUsage();
  const from = performance.now();
  const report = await verifyHistory(db);
  const seconds = (performance.now() - from) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const postgresSeconds = (await backendCpuSeconds(db)) - databaseCpu;
  console.log(
    `verify ${report.ok ? 'ok' : 'NOT ok'} over ${organizations} organizations (${report.head.seq} revisions, ` +
      `${report.tables.length} discrepancies): ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU in Node and ` +
      `${postgresSeconds.toFixed(1)} s in PostgreSQL (${(((cpuSeconds + postgresSeconds) / organizations) * 1000).toFixed(0)} ms per organization), ` +
      `${((seconds / organizations) * 1000).toFixed(0)} ms per organization; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ` +
      `load ${load.toFixed(2)} at start, ${loadavg()[0]!.toFixed(2)} at end`,
  );
} finally {
  await db.destroy();
}
