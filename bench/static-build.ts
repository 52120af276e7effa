/**
 * Peak memory of `mieruka build-static` over many organizations (issue 16: "build-static of 100 synthetic
 * organizations finishes with peak memory under 500 MB, writing pages as it goes"). Loads N synthetic organizations
 * (the sample town renamed, 300 indicators × 10 values each, as bench/pages.ts) into a SQLite file, then runs the
 * real command as a child process, which reports its own peak RSS
 * (process.resourceUsage().maxRSS) on exit, and this process samples the output folder while it runs to show that
 * pages reach the disk before the build ends.
 * Run: npx tsx bench/static-build.ts [organizations, default 100]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/store/db.ts';
import { migrateToLatest } from '../src/store/migrate.ts';
import { saveOrganizationDocument } from '../src/store/save-dataset.ts';
import { syntheticOrganization } from '../test/helpers/synthetic-organization.ts';

const count = Number(process.argv[2] ?? 100);
const limitMiB = 500;
const dir = mkdtempSync(join(tmpdir(), 'mieruka-static-bench-'));
const database = join(dir, 'many.sqlite');
const out = join(dir, 'site');

const handle = openDatabase(database);
const migrated = await migrateToLatest(handle.db);
if (!migrated.ok) throw new Error(String(migrated.error));
const loadStarted = performance.now();
for (let k = 0; k < count; k += 1)
  await saveOrganizationDocument(handle.db, syntheticOrganization(k, 300, 10));
await handle.close();
console.log(`${count} organizations loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

function countFiles(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (at: string) => {
    let entries: string[];
    try {
      entries = readdirSync(at);
    } catch {
      return;
    }
    for (const name of entries) {
      const path = join(at, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else {
        files += 1;
        bytes += stat.size;
      }
    }
  };
  walk(folder);
  return { files, bytes };
}

// The child prints its own peak RSS as it exits: the command's memory, not this loader's.
const reporter =
  "process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))";
const started = performance.now();
const child = spawn(
  process.execPath,
  ['--import', `data:text/javascript,${encodeURIComponent(reporter)}`, 'bin/mieruka.js', 'build-static', out],
  { env: { ...process.env, DATABASE_URL: database }, stdio: ['ignore', 'ignore', 'pipe'] },
);
let stderr = '';
child.stderr.on('data', (chunk: Buffer) => {
  stderr += chunk.toString();
});
const midway: { seconds: number; files: number }[] = [];
const sampler = setInterval(() => {
  midway.push({ seconds: (performance.now() - started) / 1000, files: countFiles(out).files });
}, 5000);
const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;
const maxRssKiB = Number(/maxRSS (\d+)/.exec(stderr)?.[1] ?? Number.NaN);
const written = countFiles(out);
console.log(
  `build-static: exit ${code}, ${seconds.toFixed(1)} s, ${written.files} files, ` +
    `${(written.bytes / 1024 / 1024).toFixed(1)} MiB written, peak RSS ${(maxRssKiB / 1024).toFixed(0)} MiB ` +
    `(target under ${limitMiB} MiB)`,
);
// Ten samples spread over the run are enough to show the files arriving as it goes.
const shown = midway.filter((_, i) => i % Math.max(1, Math.ceil(midway.length / 10)) === 0);
console.log(
  `files on disk while it ran: ${shown.map((m) => `${m.seconds.toFixed(0)} s: ${m.files}`).join(', ')}`,
);
rmSync(dir, { recursive: true, force: true });
if (code !== 0) {
  console.error(stderr.split('\n').slice(-10).join('\n'));
  process.exit(1);
}
if (!(maxRssKiB / 1024 < limitMiB)) process.exit(1);
