/**
 * What a page costs as the data grows (issue 16, item 2). Imports the README's 100,000-row table (500 indicators ×
 * 200 months under one pillar of the sample town, `test/helpers/large-fixture.ts`) into a SQLite file, then times
 * uncached requests through `app.request()` (no cache, one request at a time, after one warm-up) and counts the
 * bytes of each response: the plan page, the pillar's node page, the home page and the indicators API, first page
 * and next. Then a home page over many synthetic organizations (the sample town renamed, each with 300 indicators
 * of 10 values: 3,000 values per organization, as in the issue), and a program's node page among them.
 * Targets (issue 16's SQLite acceptance): no uncached page over 300 ms, no response over 1 MB.
 * Exits 1 when a target is missed. Run: npx tsx bench/pages.ts [organization counts, e.g. 10,100]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { importTableFile } from '../src/io/table-import/index.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { createReadStore } from '../src/store/queries.ts';
import { saveOrganizationDocument } from '../src/store/save-dataset.ts';
import type { Database } from '../src/store/schema.ts';
import { createApp } from '../src/web/app.tsx';
import { largeFixture } from '../test/helpers/large-fixture.ts';
import { syntheticOrganization } from '../test/helpers/synthetic-organization.ts';

const organizationCounts = (process.argv[2] ?? '10,100')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const targets = { pageMs: 300, bytes: 1024 * 1024 };
const runs = 3;
const dir = mkdtempSync(join(tmpdir(), 'mieruka-pages-'));

async function freshDatabase(name: string): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  const handle = openDatabase(join(dir, name));
  const migrated = await migrateToLatest(handle.db);
  if (!migrated.ok) throw new Error(String(migrated.error));
  return handle;
}

interface Measured {
  path: string;
  ms: number;
  /** CPU of this process: on a shared machine the wall clock also measures the neighbours. */
  cpuMs: number;
  bytes: number;
  status: number;
  body: string;
}

/** Median of `runs` uncached requests after one warm-up (the first pays the JIT, not the data). */
async function measure(app: Hono, path: string, times = runs): Promise<Measured> {
  const first = await app.request(path);
  const body = await first.text();
  const samples: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < times; i += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const response = await app.request(path);
    await response.arrayBuffer();
    const used = process.cpuUsage(cpu);
    samples.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[Math.floor(samples.length / 2)]!;
  return {
    path,
    ...median,
    bytes: Buffer.byteLength(body),
    status: first.status,
    body,
  };
}

const failures: string[] = [];
function report(label: string, m: Measured): void {
  const kb = (m.bytes / 1024).toFixed(1);
  const times = `${m.ms.toFixed(1).padStart(8)} ms (CPU ${m.cpuMs.toFixed(1).padStart(7)} ms)`;
  console.log(`${label.padEnd(34)} ${times} ${kb.padStart(9)} KB  ${m.status} ${m.path}`);
  if (m.status !== 200) failures.push(`${m.path}: status ${m.status}`);
  if (m.ms > targets.pageMs) failures.push(`${m.path}: ${m.ms.toFixed(0)} ms > ${targets.pageMs} ms`);
  if (m.bytes > targets.bytes) failures.push(`${m.path}: ${m.bytes} bytes > ${targets.bytes}`);
}

// The README's table on SQLite.
const fixture = largeFixture(100_000, 500);
const large = await freshDatabase('large.sqlite');
await saveOrganizationDocument(large.db, fixture.dataset);
const imported = await importTableFile(large.db, new TextEncoder().encode(fixture.csv), {
  file: 'bench.csv',
  publish: true,
  confirmWarnings: 'all',
});
if (!imported.ok) throw new Error(JSON.stringify(imported.report.errors.slice(0, 3)));
const largeApp = createApp({ store: createReadStore(large.db) });
console.log('100,000 observation rows (500 indicators × 200 months under one pillar), SQLite, uncached:');
report('plan page', await measure(largeApp, '/plans/sample-first'));
report('node page (the pillar)', await measure(largeApp, '/nodes/first-pillar-1'));
report('node page, last page', await measure(largeApp, '/nodes/first-pillar-1?page=100'));
report('home', await measure(largeApp, '/'));
const api = await measure(largeApp, '/api/v1/plans/sample-first/indicators');
report('indicators API', api);
const next = (JSON.parse(api.body) as { next?: string | null }).next;
if (next) report('indicators API, next page', await measure(largeApp, next));
await large.close();

// Many organizations: the home page reads one summary per organization, not every plan.
for (const count of organizationCounts) {
  const many = await freshDatabase(`many-${count}.sqlite`);
  const loadStarted = performance.now();
  for (let k = 0; k < count; k += 1)
    await saveOrganizationDocument(many.db, syntheticOrganization(k, 300, 10));
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const app = createApp({ store: createReadStore(many.db) });
  console.log(
    `${count} organizations (300 indicators × 10 values each, loaded in ${loadSeconds.toFixed(1)} s), uncached:`,
  );
  report(`home, ${count} organizations`, await measure(app, '/', 1));
  // A program beside a pillar of 300 indicators: its page reads its own subtree, not the plan's 300 series.
  report(`node page (a program), ${count} orgs`, await measure(app, '/nodes/o0.first-program'));
  await many.close();
}

rmSync(dir, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`targets missed (${targets.pageMs} ms, ${targets.bytes} bytes):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
