/**
 * The national import alone (issue 16, item 3), to see whether an organization costs more as the database fills:
 * imports `first` organizations of the synthetic national set, then `more` on top, one JSON document after another
 * through `mieruka import`'s code, and prints wall and CPU seconds per organization for each batch of ten, and,
 * with `--statements`, the statements that took the most time in the database over the second part.
 * Run: npx tsx bench/national-import.ts [first, default 50] [more, default 50] [--statements] [--jobs N]
 * (`--jobs 2` imports two organizations at a time, as `mieruka import` does with several files)
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
  .filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--jobs')
  .map(Number);
const statements = process.argv.includes('--statements');
// --jobs N imports N organizations at a time, each in its own transaction on its own connection.
const jobsAt = process.argv.indexOf('--jobs');
const jobs = jobsAt < 0 ? 1 : Number(process.argv[jobsAt + 1]);
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

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
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
  let databaseCpu = 0;
  console.log(`load average at start ${loadavg()[0]!.toFixed(2)}; ${jobs} at a time`);
  // Each batch of ten: the wall time from the last batch's end, less the time spent generating files (synchronous,
  // so neither import advances meanwhile), and the CPU of the same span less the generator's.
  let batch = { from: performance.now(), cpu: process.cpuUsage(), generationWall: 0, generationCpu: 0 };
  let done = 0;
  let next = 0;
  const importNext = async (): Promise<void> => {
    for (let n = next++; n < municipalities.length; n = next++) {
      const m = municipalities[n]!;
      logging = statements && n >= first;
      const generating = { wall: performance.now(), cpu: process.cpuUsage() };
      const text = JSON.stringify(nationalDocument(m));
      batch.generationWall += (performance.now() - generating.wall) / 1000;
      batch.generationCpu += cpuSecondsSince(generating.cpu);
      const parsed = parseOrganizationDocument(text);
      if (!parsed.ok) throw new Error(`${m.code}: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
      const outcome = await importOrganizationDocument(db, parsed.doc, { file: `${m.code}.json` });
      if (!outcome.ok) throw new Error(`${m.code}: ${outcome.message}`);
      done += 1;
      if (done % 10 === 0) {
        const nowCpu = await backendCpuSeconds(db);
        const wall = (performance.now() - batch.from) / 1000 - batch.generationWall;
        const cpu = cpuSecondsSince(batch.cpu) - batch.generationCpu;
        console.log(
          `organizations ${done - 9}–${done}: ${(wall / 10).toFixed(3)} s wall each, ` +
            `CPU ${(cpu / 10).toFixed(3)} s in Node, ${((nowCpu - databaseCpu) / 10).toFixed(3)} s in PostgreSQL; ` +
            `load ${loadavg()[0]!.toFixed(2)}`,
        );
        batch = { from: performance.now(), cpu: process.cpuUsage(), generationWall: 0, generationCpu: 0 };
        databaseCpu = nowCpu;
      }
    }
  };
  await Promise.all(Array.from({ length: jobs }, importNext));
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
