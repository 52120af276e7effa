/**
 * Cached pages at national size against a bare node:http server (issue 16's acceptance: "cached pages at least 0.8×
 * the requests/s of a bare `node:http` server sending the same bytes in the same run"). Imports N synthetic
 * municipalities into PostgreSQL (bench/national.ts's import; a cache hit costs the same whatever N), then serves
 * from one child process, so that the load generator has its own event loop:
 *   - the site as `mieruka serve` runs it (staff side on, page cache on, one log line per request, to /dev/null),
 *   - a bare node:http server answering each page's URL with the same bytes the site sends: the site's headers
 *     (security headers, ETag, Cache-Control, a request id of the same length) and body, written as they were stored,
 *   - and, for scale, a bare server sending the body with only its content type and length (the comparison before
 *     the headers were counted; the site's security headers add about 800 bytes to every response).
 * Each page type (home, organization, plan, node, indicators API, search) is loaded with autocannon at 64
 * connections, the three servers' runs interleaved over several short rounds (the order rotating each round), and the server's CPU per request is read
 * in the child for each run (on a shared machine the ratio of CPU per request is steadier than req/s alone).
 * Exits 1 when a page type's cached req/s is under 0.8× that of the bare server sending the same bytes.
 * Run: npx tsx bench/cached-pages.ts [organizations, default 30] [rounds, default 3] [seconds per run, default 3]
 * (MIERUKA_BENCH_DB=name: the database, mieruka_cached_pages_bench by default, dropped at the end;
 * MIERUKA_BENCH_CPU_PROF=dir: write the server's --cpu-prof profile there)
 */
import { fork } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/store/db.ts';
import { createAppForDatabase } from '../src/web/full-app.ts';
import { jsonLinesLogger } from '../src/web/request-log/index.ts';
import { serveApp } from '../src/web/serve-app.ts';
import { drop, importNational, type PageType, type Paths, pageTypes, urlOf } from './national.ts';

const databaseName = process.env.MIERUKA_BENCH_DB ?? 'mieruka_cached_pages_bench';
const connections = 64;
const warmUpSeconds = 1;
const target = 0.8;

const servers = ['bare', 'same', 'site'] as const;
type ServerName = (typeof servers)[number];
type Ports = Record<ServerName, number>;

interface PageBytes {
  bytes: Buffer;
  contentType: string;
  /** What the site sent with it, minus what node:http adds itself; the request id as one of the same length. */
  headers: Record<string, string>;
}

// node:http writes these on its own, for either server alike.
const addedByNode = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const sameLengthRequestId = '00000000-0000-4000-8000-000000000000';

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** What the site sent for each URL, fetched once through the app (which also fills the page cache). */
async function pageBytes(fetchPage: (path: string) => Promise<Response>, paths: Paths) {
  const bodies = new Map<string, PageBytes>();
  for (const path of pageTypes.flatMap((type) => paths[type])) {
    const res = await fetchPage(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    const contentType = res.headers.get('content-type') ?? 'text/plain';
    const headers = Object.fromEntries([...res.headers].filter(([name]) => !addedByNode.has(name)));
    if ('x-request-id' in headers) headers['x-request-id'] = sameLengthRequestId;
    bodies.set(path, { bytes: Buffer.from(await res.arrayBuffer()), contentType, headers });
  }
  return bodies;
}

/** The child: the site over the database, and beside it the bare server sending the same bytes. */
async function serveChild(name: string, paths: Paths): Promise<void> {
  const handle = openDatabase(urlOf(name));
  const app = createAppForDatabase(handle.db, {
    staff: true,
    cache: true,
    requestLogger: jsonLinesLogger('info', { destination: '/dev/null' }),
  });
  const site = serveApp(app, { hostname: '127.0.0.1', port: 0 });
  await new Promise((resolve) => site.once('listening', resolve));
  const bodies = await pageBytes(async (path) => app.request(path), paths);
  const bare = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': body.contentType, 'content-length': body.bytes.length });
    res.end(body.bytes);
  });
  const same = createServer((req, res) => {
    const body = bodies.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, body.headers);
    res.end(body.bytes);
  });
  const bareAddress = await listen(bare);
  const sameAddress = await listen(same);
  process.on('message', async (message) => {
    if (message === 'cpu') process.send?.(process.cpuUsage());
    if (message === 'stop') {
      await handle.close();
      process.exit(0);
    }
  });
  const sizes = Object.fromEntries(
    pageTypes.map((type) => {
      const page = bodies.get(paths[type][0]!);
      const headerBytes = Object.entries(page?.headers ?? {}).reduce(
        (sum, [k, v]) => sum + k.length + v.length + 4,
        0,
      );
      return [type, { body: page?.bytes.length ?? 0, headers: headerBytes }];
    }),
  );
  const ports: Ports = { site: (site.address() as AddressInfo).port, bare: bareAddress, same: sameAddress };
  process.send?.({ ports, sizes });
}

interface Child {
  ports: Ports;
  sizes: Record<PageType, { body: number; headers: number }>;
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

function startChild(name: string, paths: Paths): Promise<Child> {
  const profileDir = process.env.MIERUKA_BENCH_CPU_PROF;
  const child = fork(fileURLToPath(import.meta.url), ['--serve', name, JSON.stringify(paths)], {
    stdio: 'inherit',
    execArgv: [...process.execArgv, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
  });
  const ask = <T>(question: string) =>
    new Promise<T>((answer) => {
      child.once('message', (m) => answer(m as T));
      child.send(question);
    });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
    child.once('message', (message) => {
      const { ports, sizes } = message as Pick<Child, 'ports' | 'sizes'>;
      resolve({
        ports,
        sizes,
        cpuMicros: async () => {
          const used = await ask<NodeJS.CpuUsage>('cpu');
          return used.user + used.system;
        },
        stop: () =>
          new Promise<void>((stopped) => {
            child.removeAllListeners('exit');
            child.once('exit', () => stopped());
            child.send('stop');
          }),
      });
    });
  });
}

interface AutocannonResult {
  latency: { p99: number };
  requests: { total: number };
  duration: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as (options: object) => Promise<AutocannonResult>;

/** Totals of one server's runs for one page type. */
interface Tally {
  requests: number;
  seconds: number;
  cpuMicros: number;
  p99s: number[];
}

const emptyTally = (): Tally => ({ requests: 0, seconds: 0, cpuMicros: 0, p99s: [] });

async function run(child: Child, port: number, paths: readonly string[], seconds: number, into?: Tally) {
  const cpuBefore = await child.cpuMicros();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  const cpu = (await child.cpuMicros()) - cpuBefore;
  if (result.non2xx + result.errors + result.timeouts > 0)
    throw new Error(
      `port ${port}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  if (into) {
    into.requests += result.requests.total;
    into.seconds += result.duration;
    into.cpuMicros += cpu;
    into.p99s.push(result.latency.p99);
  }
}

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = (t: Tally) => t.requests / t.seconds;

type Row = { type: PageType } & Record<ServerName, Tally>;

async function measure(child: Child, paths: Paths, rounds: number, seconds: number) {
  const rows: Row[] = [];
  for (const type of pageTypes) {
    const row: Row = { type, bare: emptyTally(), same: emptyTally(), site: emptyTally() };
    for (const server of servers) await run(child, child.ports[server], paths[type], warmUpSeconds);
    for (let round = 0; round < rounds; round += 1) {
      // Rotating which goes first, so a neighbour's load drifting over the run favours none.
      const order = servers.map((_, i) => servers[(i + round) % servers.length]!);
      for (const server of order) await run(child, child.ports[server], paths[type], seconds, row[server]);
    }
    rows.push(row);
  }
  return rows;
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<number> {
  const count = Number(process.argv[2] ?? 30);
  const rounds = Number(process.argv[3] ?? 3);
  const seconds = Number(process.argv[4] ?? 3);
  console.log(
    `cached pages vs bare node:http: ${count} synthetic organizations on PostgreSQL, ${connections} connections, ` +
      `${rounds} rounds of ${seconds} s each per server and page type, Node ${process.version}; ` +
      `load average at start ${loadAverage()}`,
  );
  try {
    const { paths } = await importNational(count, databaseName);
    const child = await startChild(databaseName, paths);
    try {
      const rows = await measure(child, paths, rounds, seconds);
      console.log(
        'req/s of: bare = a bare node:http server sending the same bytes (headers and body); body only = one sending ' +
          'the body with its content type and length; cached = the site',
      );
      console.log(
        'page type        body  headers   bare req/s  cached req/s  ratio   body-only req/s  ratio   ' +
          'p99 ms bare / cached   server CPU µs/req bare / cached',
      );
      for (const { type, bare, same, site } of rows) {
        const cpu = (t: Tally) => (t.cpuMicros / t.requests).toFixed(0);
        const { body, headers } = child.sizes[type];
        console.log(
          `${type.padEnd(15)} ${String(body).padStart(6)} ${String(headers).padStart(8)} ` +
            `${perSecond(same).toFixed(0).padStart(12)} ${perSecond(site).toFixed(0).padStart(13)} ` +
            `${(perSecond(site) / perSecond(same)).toFixed(2).padStart(6)} ${perSecond(bare).toFixed(0).padStart(17)} ` +
            `${(perSecond(site) / perSecond(bare)).toFixed(2).padStart(6)}` +
            `   ${String(median(same.p99s)).padStart(11)} / ${String(median(site.p99s)).padEnd(6)}` +
            `   ${cpu(same).padStart(23)} / ${cpu(site)}`,
        );
      }
      console.log(`load average at end ${loadAverage()} (2 cores)`);
      const missed = rows.filter((r) => perSecond(r.site) / perSecond(r.same) < target);
      console.log(
        missed.length === 0
          ? `every page type at ≥ ${target}× the bare server sending the same bytes`
          : `MISSED: ${missed.map((r) => r.type).join(', ')} below ${target}× the bare server sending the same bytes`,
      );
      return missed.length === 0 ? 0 : 1;
    } finally {
      await child.stop();
    }
  } finally {
    await drop(databaseName);
  }
}

if (process.argv[2] === '--serve') await serveChild(process.argv[3]!, JSON.parse(process.argv[4]!) as Paths);
else process.exit(await main());
