/**
 * The national import alone (issue 16, item 3), to see whether an organization costs more as the database fills:
 * imports `first` organizations of the synthetic national set, then `more` on top, one JSON document after another
 * through `mieruka import`'s code, and prints wall and CPU seconds per organization for each batch of ten, and,
 * with `--statements`, the statements that took the most time in the database over the second part.
 * Run: npx tsx bench/national-import.ts [first, default 50] [more, default 50] [--statements]
 * (database `${MIERUKA_BENCH_DB ?? 'mieruka_national_bench'}_import`, dropped at the end)
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Kysely, type LogEvent, sql } from 'kysely';
import pg from 'pg';
import { importOrganizationDocument } from '../src/io/interchange/import-document.ts';
import { parseOrganizationDocument } from '../src/io/interchange/index.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { CurrentSchemaPostgresDialect } from '../src/store/postgres-dialect.ts';
import type { Database } from '../src/store/schema.ts';
import { readMunicipalities } from './municipalities.ts';
import { nationalDocument } from './national-dataset.ts';

const server = process.env.MIERUKA_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const name = `${process.env.MIERUKA_BENCH_DB ?? 'mieruka_national_bench'}_import`;
const [first = 50, more = 50] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'))
  .map(Number);
const statements = process.argv.includes('--statements');
// --keep leaves the database for EXPLAIN; drop it by hand.
const keep = process.argv.includes('--keep');

async function admin(text: string) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

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

const byStatement = new Map<string, { ms: number; count: number }>();
let logging = false;
const log = (event: LogEvent) => {
  // A COPY's "query" is its stream, not text.
  if (!logging || event.level !== 'query' || typeof event.query.sql !== 'string') return;
  const key = event.query.sql.replace(/\s+/g, ' ').replace(/\$\d+/g, '?').slice(0, 140);
  const entry = byStatement.get(key) ?? { ms: 0, count: 0 };
  entry.ms += event.queryDurationMillis;
  entry.count += 1;
  byStatement.set(key, entry);
};

await admin(`drop database if exists ${name} with (force)`);
await admin(`create database ${name}`);
const db = new Kysely<Database>({
  dialect: new CurrentSchemaPostgresDialect({ pool: new pg.Pool({ connectionString: `${server}/${name}` }) }),
  log,
});
try {
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) throw migrated.error;
  const municipalities = readMunicipalities().slice(0, first + more);
  let batch = { wall: 0, cpu: 0, parse: 0 };
  let databaseCpu = 0;
  console.log(`load average at start ${loadavg()[0]!.toFixed(2)}`);
  for (const [n, m] of municipalities.entries()) {
    logging = statements && n >= first;
    const text = JSON.stringify(nationalDocument(m));
    const cpu = process.cpuUsage();
    const from = performance.now();
    const parsed = parseOrganizationDocument(text);
    if (!parsed.ok) throw new Error(`${m.code}: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    const parsedAt = performance.now();
    const outcome = await importOrganizationDocument(db, parsed.doc, { file: `${m.code}.json` });
    if (!outcome.ok) throw new Error(`${m.code}: ${outcome.message}`);
    const used = process.cpuUsage(cpu);
    batch.wall += (performance.now() - from) / 1000;
    batch.parse += (parsedAt - from) / 1000;
    batch.cpu += (used.user + used.system) / 1e6;
    if ((n + 1) % 10 === 0) {
      const nowCpu = await backendCpuSeconds(db);
      console.log(
        `organizations ${n - 8}–${n + 1}: ${(batch.wall / 10).toFixed(3)} s wall each ` +
          `(parse ${(batch.parse / 10).toFixed(3)} s), CPU ${(batch.cpu / 10).toFixed(3)} s in Node, ` +
          `${((nowCpu - databaseCpu) / 10).toFixed(3)} s in PostgreSQL; ` +
          `load ${loadavg()[0]!.toFixed(2)}`,
      );
      batch = { wall: 0, cpu: 0, parse: 0 };
      databaseCpu = nowCpu;
    }
  }
  const size = await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(db);
  console.log(`database ${(Number(size.rows[0]!.bytes) / 1024 / 1024).toFixed(0)} MB`);
  if (statements) {
    console.log(`statements over organizations ${first + 1}–${first + more}, by total time:`);
    for (const [text, { ms, count }] of [...byStatement].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25))
      console.log(`${ms.toFixed(0).padStart(7)} ms ${String(count).padStart(6)}× ${text}`);
  }
} finally {
  await db.destroy();
  if (!keep) await admin(`drop database if exists ${name} with (force)`);
}
