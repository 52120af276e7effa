/**
 * The query plan of every query that reads `indicator_value`, on SQLite (EXPLAIN QUERY PLAN) and PostgreSQL
 * (EXPLAIN ANALYZE after ANALYZE), for choosing that table's indexes (issue 11: each index costs every import).
 * Loads `organizations` synthetic municipalities (bench/national-dataset.ts: annual series) and the import bench's
 * monthly fixture (500 indicators, 20,000 values), then runs what reads the table as the app runs it: the plan,
 * node, organization and home pages, the indicators API, the JSON export and an indicator's CSV download, the
 * comparison page, re-imports of the monthly file, unchanged (existing records) and every value changed (plausibility), the records a
 * publish or `mieruka verify` reads per plan, and the children checked before an indicator is deleted. Each distinct
 * statement is explained once. PostgreSQL uses the database `importidx_plans`, dropped at the end.
 * Run: npx tsx bench/indicator-value-plans.ts [organizations, default 20] [sqlite|postgres, default both]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CompiledQuery, DefaultQueryExecutor, type Kysely, sql } from 'kysely';
import pg from 'pg';
import { importOrganizationDocument } from '../src/io/interchange/import-document.ts';
import { parseOrganizationDocument } from '../src/io/interchange/index.ts';
import { importTableFile } from '../src/io/table-import/index.ts';
import { openDatabase } from '../src/store/db.ts';
import { readPlanRecords } from '../src/store/editing/published-records.ts';
import { dependentIssues } from '../src/store/editing/record-context.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import type { Database } from '../src/store/schema.ts';
import { storedSeries } from '../src/store/table-import/index.ts';
import { createAppForDatabase } from '../src/web/full-app.ts';
import { largeFixture } from '../test/helpers/large-fixture.ts';
import { readMunicipalities } from './municipalities.ts';
import { nationalDocument } from './national-dataset.ts';

const organizations = Number(process.argv[2] ?? 20);
const only = process.argv[3];
const server = process.env.MIERUKA_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432';
const pgName = 'importidx_plans';
const fixture = largeFixture(20_000, 500);
const live = { publish: true, confirmWarnings: 'all' } as const;

/** Every statement run while `capturing`, with the step that ran it. */
const captured: { step: string; query: CompiledQuery }[] = [];
let step = '';
let capturing = false;
// Every executor (a transaction's too) inherits executeQuery from one base class: wrapping it sees every statement.
const base = Object.getPrototypeOf(DefaultQueryExecutor.prototype);
const executeQuery = base.executeQuery;
base.executeQuery = function (this: unknown, query: CompiledQuery, ...rest: unknown[]) {
  if (capturing && /indicator_value/.test(query.sql) && /^\s*select/i.test(query.sql))
    captured.push({ step, query });
  return executeQuery.call(this, query, ...rest);
};

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function load(db: Kysely<Database>) {
  const migrated = await migrateToLatest(db);
  if (!migrated.ok) throw migrated.error;
  for (const m of readMunicipalities().slice(0, organizations)) {
    const parsed = parseOrganizationDocument(JSON.stringify(nationalDocument(m)));
    if (!parsed.ok) throw new Error(m.code);
    const outcome = await importOrganizationDocument(db, parsed.doc, { file: `${m.code}.json` });
    if (!outcome.ok) throw new Error(`${m.code}: ${outcome.message}`);
  }
  const parsed = parseOrganizationDocument(JSON.stringify(fixture.dataset));
  if (!parsed.ok) throw new Error('fixture');
  const merged = await importOrganizationDocument(db, parsed.doc, { file: 'fixture.json' });
  if (!merged.ok) throw new Error(merged.message);
  const imported = await importTableFile(db, new TextEncoder().encode(fixture.csv), {
    file: 'bench.csv',
    ...live,
  });
  if (!imported.ok) throw new Error('fixture import failed');
}

async function run(db: Kysely<Database>) {
  const firstOrg = `jp-${readMunicipalities()[0]!.code}`;
  const key = await db
    .selectFrom('indicator')
    .select('comparison_key')
    .where('comparison_key', 'is not', null)
    .limit(1)
    .executeTakeFirstOrThrow();
  const app = createAppForDatabase(db, { cache: false });
  const pages: [string, string][] = [
    ['home page', '/'],
    ['organization page', `/o/${firstOrg}`],
    ['plan page', `/plans/${firstOrg}.sogo-2016`],
    ['plan page (monthly series)', '/plans/sample-first'],
    ['node page', `/nodes/${firstOrg}.sogo-2016.p1.1`],
    ['indicators API', `/api/v1/plans/${firstOrg}.sogo-2016/indicators`],
    ['plan API', `/api/v1/plans/${firstOrg}.sogo-2016`],
    ['JSON export', `/downloads/plans/${firstOrg}.sogo-2016/export.json`],
    ['indicator CSV download', '/downloads/indicators/bench.i.1/indicator-values.csv'],
    ['comparison page', `/compare/${key.comparison_key}`],
  ];
  capturing = true;
  for (const [name, path] of pages) {
    step = name;
    const response = await app.request(path);
    await response.arrayBuffer();
    if (response.status !== 200) console.error(`  ${path}: ${response.status}`);
  }
  step = 'import again (existing records)';
  await importTableFile(db, new TextEncoder().encode(fixture.csv), { file: 'bench.csv', ...live });
  // Every printed value one higher, as bench/import.ts does: only changed values are checked for plausibility.
  const changed = fixture.csv.replace(/,"([^"\d]*)(\d+)/g, (_, before, n) => `,"${before}${Number(n) + 1}`);
  step = 'import with every value changed (plausibility)';
  await importTableFile(db, new TextEncoder().encode(changed), { file: 'bench.csv', ...live });
  // The table import checks plausibility against what its planner read; other callers read the series here.
  step = 'plausibility series';
  await storedSeries(db, fixture.indicatorIds);
  step = 'publish / verify (a plan’s records)';
  await readPlanRecords(db, 'sample-first');
  step = 'delete check (an indicator’s values)';
  await dependentIssues(db, 'indicator', 'bench.i.1', async () => []);
  capturing = false;
}

async function explain(db: Kysely<Database>, dialect: string, query: CompiledQuery): Promise<string[]> {
  const text =
    dialect === 'postgres' ? 'explain (analyze, costs off, timing off, summary off) ' : 'explain query plan ';
  const { rows } = await db.executeQuery<Record<string, unknown>>({ ...query, sql: text + query.sql });
  return rows.map((row) => String(dialect === 'postgres' ? row['QUERY PLAN'] : row.detail));
}

// One entry per statement, whatever the length of its IN lists.
const shapeOf = (text: string) => text.replace(/(\$\d+|\?)(, (\$\d+|\?))+/g, '…');

async function report(dialect: 'sqlite' | 'postgres') {
  const dir = mkdtempSync(join(tmpdir(), 'mieruka-plans-'));
  if (dialect === 'postgres') {
    await admin(`drop database if exists ${pgName}`);
    await admin(`create database ${pgName}`);
  }
  const handle = openDatabase(dialect === 'postgres' ? `${server}/${pgName}` : join(dir, 'plans.sqlite'));
  try {
    await load(handle.db);
    if (dialect === 'postgres') await sql`analyze`.execute(handle.db);
    const indexes = await sql<{ name: string }>`${sql.raw(
      dialect === 'postgres'
        ? "select indexname as name from pg_indexes where tablename = 'indicator_value' order by 1"
        : "select name from sqlite_master where type = 'index' and tbl_name = 'indicator_value' order by 1",
    )}`.execute(handle.db);
    console.log(
      `\n===== ${dialect}: indexes on indicator_value: ${indexes.rows.map((r) => r.name).join(', ')}`,
    );
    captured.length = 0;
    await run(handle.db);
    const byShape = new Map<string, { steps: Set<string>; query: CompiledQuery }>();
    for (const { step: name, query } of captured) {
      const shape = shapeOf(query.sql);
      const entry = byShape.get(shape) ?? { steps: new Set<string>(), query };
      entry.steps.add(name);
      byShape.set(shape, entry);
    }
    for (const [shape, { steps, query }] of byShape) {
      console.log(`\n--- ${[...steps].join('; ')}: ${shape.replace(/\s+/g, ' ').slice(0, 400)}`);
      for (const line of await explain(handle.db, dialect, query)) console.log(`    ${line}`);
    }
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
    if (dialect === 'postgres') await admin(`drop database if exists ${pgName}`);
  }
}

for (const dialect of ['sqlite', 'postgres'] as const)
  if (only === undefined || only === dialect) await report(dialect);
