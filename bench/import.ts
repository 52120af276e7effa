/**
 * The whole table import (decode + parse + validate + plan + commit with history and reindex) of a large
 * observations CSV into a fresh SQLite file, beside a raw better-sqlite3 prepared-statement insert of the same
 * rows in one transaction: the floor no importer can beat.
 * Run: npx tsx bench/import.ts [rows]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { importTableFile } from '../src/io/table-import/index.ts';
import { largeFixture } from '../src/io/table-import/large-fixture.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { saveOrganizationDocument } from '../src/store/save-dataset.ts';

const rowCount = Number(process.argv[2] ?? 100_000);
const fixture = largeFixture(rowCount, 500);
const bytes = new TextEncoder().encode(fixture.csv);
const dir = mkdtempSync(join(tmpdir(), 'mieruka-bench-'));

async function freshDatabase(name: string) {
  const handle = openDatabase(join(dir, name));
  const migrated = await migrateToLatest(handle.db);
  if (!migrated.ok) throw new Error(String(migrated.error));
  await saveOrganizationDocument(handle.db, fixture.dataset);
  return handle;
}

function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  return work().then((result) => {
    const used = process.cpuUsage(cpu);
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
    };
  });
}

// Warm-up on a small file so the timing measures the steady state, not the JIT.
const warm = await freshDatabase('warm.sqlite');
await importTableFile(warm.db, new TextEncoder().encode(largeFixture(5_000, 500).csv), { file: 'warm.csv' });
await warm.close();

const ours = await freshDatabase('ours.sqlite');
const full = await timed(() => importTableFile(ours.db, bytes, { file: 'bench.csv' }));
await ours.close();
if (!full.result.ok) {
  console.error(full.result.report.errors.slice(0, 5));
  process.exit(1);
}

const rawHandle = await freshDatabase('raw.sqlite');
await rawHandle.close();
const raw = new SqliteDatabase(join(dir, 'raw.sqlite'));
const now = new Date().toISOString();
raw
  .prepare(
    "insert into source (id, document_id, line, created_at, updated_at) values ('bench-src', 'sample-report', 1, ?, ?)",
  )
  .run(now, now);
const insert = raw.prepare(
  `insert into indicator_value (id, indicator_id, role, position, value, text, date, source_id, created_at, updated_at)
   values (?, ?, 'observation', ?, ?, ?, ?, 'bench-src', ?, ?)`,
);
const rows = fixture.csv
  .trim()
  .split('\r\n')
  .slice(1)
  .map((line, n) => {
    const [indicatorId, date] = line.split(',');
    return [`${indicatorId}:raw:${n}`, indicatorId, n, n, `${n}`, date, now, now] as const;
  });
const rawTimed = await timed(async () =>
  raw.transaction(() => {
    for (const row of rows) insert.run(...row);
  })(),
);
const rawSeconds = rawTimed.seconds;
raw.close();
rmSync(dir, { recursive: true, force: true });

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');
console.log(
  `mieruka import: ${rowCount.toLocaleString('en-US')} rows in ${full.seconds.toFixed(2)} s ` +
    `(CPU ${full.cpuSeconds.toFixed(2)} s): ${rate(rowCount, full.seconds)} rows/s, ` +
    `created ${full.result.report.counts.created}`,
);
console.log(
  `raw better-sqlite3 insert: ${rowCount.toLocaleString('en-US')} rows in ${rawSeconds.toFixed(2)} s ` +
    `(CPU ${rawTimed.cpuSeconds.toFixed(2)} s): ${rate(rowCount, rawSeconds)} rows/s`,
);
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
console.log(
  `ratio (ours ÷ raw): ${(full.seconds / rawSeconds).toFixed(1)}× wall, ` +
    `${(full.cpuSeconds / rawTimed.cpuSeconds).toFixed(1)}× CPU`,
);
