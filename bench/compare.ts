/**
 * What a comparison costs across many organizations (issue 16 item 4): 1,741 synthetic organizations (the sample
 * town renamed, one per municipality, each with a valid 全国地方公共団体コード spread over 47 prefectures) with 30
 * indicators of one definition each (合成指標0 … 合成指標29, 件) and `values` yearly observations, in a SQLite file.
 * Times requests through `app.request()` with no page cache (median of 5 after one, also timed; wall clock and
 * this process's CPU, since on a shared machine the wall clock also measures the neighbours) and counts the bytes: the
 * comparison page of all organizations (first and last page), one prefecture, a group of 30 codes, the API,
 * and a node page, which counts the other organizations for each of its indicators. Prints SQLite's plan of the
 * comparison query. Target: no page over 300 ms (issue 16's SQLite acceptance).
 * Run: npx tsx bench/compare.ts [organizations, default 1741] [observations per indicator, default 5]
 * With MIERUKA_BENCH_DB=file the database is kept there and reused when it exists (loading 1,741 takes minutes).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { comparisonKeyOf } from '../src/domain/comparison/index.ts';
import { municipalityCheckDigit } from '../src/domain/municipality-code.ts';
import { comparisonQuery } from '../src/store/comparison/index.ts';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { createReadStore } from '../src/store/queries.ts';
import { saveOrganizationDocument } from '../src/store/save-dataset.ts';
import { createApp } from '../src/web/app.tsx';
import { syntheticOrganization } from '../test/helpers/synthetic-organization.ts';

const organizations = Number(process.argv[2] ?? 1741);
const values = Number(process.argv[3] ?? 5);
const indicators = 30;
const targetMs = 300;
const runs = 5;

/** A valid code: prefecture 01–47 by turns, then a running number, then the check digit. */
function codeOf(k: number): string {
  const five = `${String((k % 47) + 1).padStart(2, '0')}${String(100 + Math.floor(k / 47)).padStart(3, '0')}`;
  return `${five}${municipalityCheckDigit(five)}`;
}

const kept = process.env.MIERUKA_BENCH_DB;
// Kept databases are reused as they are; remove the file after changing the schema or the data.
const dir = mkdtempSync(join(tmpdir(), 'mieruka-compare-'));
const reuse = kept !== undefined && existsSync(kept);
const handle = openDatabase(kept ?? join(dir, 'compare.sqlite'));
const migrated = await migrateToLatest(handle.db);
if (!migrated.ok) throw new Error(String(migrated.error));

const loadStarted = performance.now();
for (let k = 0; !reuse && k < organizations; k += 1) {
  const document = syntheticOrganization(k, indicators, values);
  document.organization.municipalityCode = codeOf(k);
  document.organization.name = `合成市${k}`;
  // Different values per organization, so the ranking has work to do (and some ties).
  for (const indicator of document.plans[0]?.nodes[0]?.indicators ?? [])
    for (const o of indicator.observations) o.value = (o.value * 7919 + k * 104729) % 1000;
  await saveOrganizationDocument(handle.db, document);
}
const loadSeconds = (performance.now() - loadStarted) / 1000;
const rows = await handle.db
  .selectFrom('indicator_value')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .executeTakeFirstOrThrow();
console.log(
  `${organizations} organizations × ${indicators} indicators × ${values} observations (${rows.n} value rows in all), loaded in ${loadSeconds.toFixed(1)} s; SQLite, uncached:`,
);

const key = comparisonKeyOf({ name: '合成指標0', unit: '件', kind: 'outcome' });
const compiled = comparisonQuery(handle.db, key).compile();
const plan = await handle.db.executeQuery<{ detail: string }>({
  ...compiled,
  sql: `explain query plan ${compiled.sql}`,
});
console.log(`query plan:\n  ${plan.rows.map((r) => r.detail).join('\n  ')}`);

const app = createApp({ store: createReadStore(handle.db) });
const failures: string[] = [];

/** Median of `runs` requests after one (timed too: it pays the chart's first drawing, later ones reuse it). */
async function measure(label: string, path: string, app: Hono): Promise<void> {
  const firstStarted = performance.now();
  const first = await app.request(path);
  const bytes = (await first.arrayBuffer()).byteLength;
  const firstMs = performance.now() - firstStarted;
  const samples: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await (await app.request(path)).arrayBuffer();
    const used = process.cpuUsage(cpu);
    samples.push({ ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  }
  samples.sort((a, b) => a.ms - b.ms);
  const { ms, cpuMs } = samples[Math.floor(samples.length / 2)] ?? { ms: 0, cpuMs: 0 };
  console.log(
    `${label.padEnd(36)} ${ms.toFixed(1).padStart(7)} ms (CPU ${cpuMs.toFixed(1).padStart(6)} ms; first ${firstMs.toFixed(0).padStart(5)} ms) ${(bytes / 1024).toFixed(1).padStart(6)} KB  ${first.status} ${path.slice(0, 60)}`,
  );
  if (first.status !== 200) failures.push(`${path}: status ${first.status}`);
  if (ms > targetMs) failures.push(`${path}: ${ms.toFixed(0)} ms > ${targetMs} ms`);
}

const group = Array.from({ length: 30 }, (_, k) => codeOf(k * 50)).join(',');
const lastPage = Math.ceil(organizations / 20);
await measure('compare page, all organizations', `/compare/${key}`, app);
await measure('compare page, all, last page', `/compare/${key}?page=${lastPage}`, app);
await measure('compare page, one prefecture', `/compare/${key}?prefecture=20`, app);
await measure('compare page, a group of 30 codes', `/compare/${key}?codes=${group}`, app);
await measure('compare page, English', `/compare/${key}?lang=en`, app);
await measure('compare API, all (100 a page)', `/api/v1/compare/${key}`, app);
// The pillar holds the sample's indicators and the 30: its page charts 5 at a time, each counting the others.
const nodePage = await (await app.request('/nodes/o0.first-pillar-1')).text();
const links = nodePage.match(/他の自治体と比べる（\d+団体）/g) ?? [];
await measure(
  `node page, ${links.length} compare links (${links[0] ?? 'none'})`,
  '/nodes/o0.first-pillar-1',
  app,
);
await measure('node page 2, its next 5 indicators', '/nodes/o0.first-pillar-1?page=2', app);

await handle.close();
rmSync(dir, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`targets missed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
