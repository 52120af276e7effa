/**
 * Time from `mieruka serve` to its first page, and the server's memory then, for two checkouts side by side
 * (e.g. the compiled build against a tree that runs TypeScript through tsx), interleaved A B A B so machine
 * drift falls on both.
 *
 * Run: npx tsx bench/serve-start.ts [--runs 7] [--node-b /path/to/node] <checkout A> <checkout B>
 * Each run starts `node <checkout>/bin/mieruka.js serve` on a copy of one demo SQLite file (seeded once, so
 * seeding is not timed), polls GET / until it answers 200, reads VmRSS from /proc, and stops the server.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    'node-a': { type: 'string' },
    'node-b': { type: 'string' },
  },
  allowPositionals: true,
});
const [dirA, dirB] = positionals.map((dir) => resolve(dir));
if (!dirA || !dirB) throw new Error('usage: bench/serve-start.ts [--runs N] <checkout A> <checkout B>');
const runs = Number(values.runs);
const nodeFor = {
  [dirA]: values['node-a'] ?? process.execPath,
  [dirB]: values['node-b'] ?? process.execPath,
};

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function firstPage(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}`);
    const response = await fetch(url).catch(() => null);
    if (response?.status === 200) {
      await response.arrayBuffer();
      return;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function oneRun(dir: string, seeded: string, work: string): Promise<{ seconds: number; rss: number }> {
  const database = join(work, `run-${Date.now()}.sqlite`);
  copyFileSync(seeded, database);
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    nodeFor[dir] ?? process.execPath,
    [join(dir, 'bin/mieruka.js'), 'serve', '--port', String(port)],
    {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: 'silent' },
      stdio: 'ignore',
    },
  );
  try {
    await firstPage(`http://127.0.0.1:${port}/`, child);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, rss: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(database, { force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const work = mkdtempSync(join(tmpdir(), 'mieruka-serve-bench-'));
try {
  const seeded = join(work, 'demo.sqlite');
  const seed = spawnSync(nodeFor[dirA] ?? process.execPath, [join(dirA, 'bin/mieruka.js'), 'seed', 'demo'], {
    env: { ...process.env, DATABASE_URL: seeded },
  });
  if (seed.status !== 0) throw new Error(`seeding failed: ${seed.stderr}`);
  const results: Record<string, { seconds: number; rss: number }[]> = { [dirA]: [], [dirB]: [] };
  await oneRun(dirA, seeded, work); // warm-up: file cache, module compile cache
  await oneRun(dirB, seeded, work);
  for (let i = 0; i < runs; i++) {
    for (const dir of [dirA, dirB]) results[dir]?.push(await oneRun(dir, seeded, work));
  }
  const row = (label: string, dir: string) => {
    const list = results[dir] ?? [];
    const s = list.map((r) => r.seconds);
    const m = list.map((r) => r.rss);
    return `${label}  first page ${median(s).toFixed(2)} s (${Math.min(...s).toFixed(2)}–${Math.max(...s).toFixed(2)})  RSS ${median(m).toFixed(0)} MB (${Math.min(...m).toFixed(0)}–${Math.max(...m).toFixed(0)})  ${dir}`;
  };
  console.log(`${runs} runs each, interleaved`);
  console.log(row('A', dirA));
  console.log(row('B', dirB));
  const ratios = (results[dirA] ?? []).map((a, i) => a.seconds / (results[dirB]?.[i]?.seconds ?? Number.NaN));
  const rssRatios = (results[dirA] ?? []).map((a, i) => a.rss / (results[dirB]?.[i]?.rss ?? Number.NaN));
  console.log(
    `A/B first page: median ${median(ratios).toFixed(2)}; RSS: median ${median(rssRatios).toFixed(2)}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
