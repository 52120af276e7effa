/**
 * The audit's busy office, on one SQLite file: 14 `mieruka import` processes back to back while the server (a real
 * `mieruka serve` process) saves 150 edits through the write API and answers reads at 64 connections. No import
 * may fail, no answer may be 500, and `mieruka verify` must pass at the end.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountStore } from '../src/store/accounts/index.ts';
import { openDatabase } from '../src/store/db.ts';
import { createEditingStore } from '../src/store/editing/index.ts';
import { writeDemoSqlite } from './helpers/sqlite-templates.ts';

interface AutocannonResult {
  requests: { total: number };
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonInstance {
  stop(): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: object,
  done: (error: unknown, result: AutocannonResult) => void,
) => AutocannonInstance;

const bin = new URL('../bin/mieruka.js', import.meta.url).pathname;
const imports = 14;
const edits = 150;
const editors = 5;
const readConnections = 64;

interface Exit {
  code: number;
  stdout: string;
  stderr: string;
}

async function mieruka(args: string[], env: NodeJS.ProcessEnv): Promise<Exit> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Import `n`: 60 monthly observations whose values differ from every other import's, so each one writes. */
function importCsv(n: number): string {
  const rows = Array.from({ length: 60 }, (_, i) => {
    const month = `${1990 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    return `mirai-2016.i.seizure-count,${month},${n * 100 + i}件,komoro-pride-vol5,99,H28:102件`;
  });
  return ['indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote', ...rows].join('\n');
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--no-demo'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      // "Mieruka: http://127.0.0.1:41234/ (sqlite)": the port the system gave out.
      const listening = /Mieruka: (http:\/\/[^/\s]+)\//.exec(out);
      if (listening?.[1]) resolve({ child, origin: listening[1] });
    });
    child.stderr?.on('data', (chunk) => {
      process.stderr.write(`[serve] ${chunk}`);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

describe('imports, edits and reads on one SQLite file at once', { tags: ['slow'], timeout: 300_000 }, () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let server: { child: ChildProcess; origin: string } | undefined;
  let token: string;
  let nodes: { id: string; version: number }[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-race-'));
    const file = join(dir, 'demo.sqlite');
    await writeDemoSqlite(file);
    env = { ...process.env, DATABASE_URL: file };
    delete env.MIERUKA_WRITE_WAIT_SECONDS;
    const handle = openDatabase(file);
    try {
      const accounts = createAccountStore(handle.db);
      const added = await accounts.addUser({ login: 'editor', password: 'race-password-1', role: 'admin' });
      if (!added.ok) throw new Error('cannot add the editor');
      const issued = await accounts.issueApiToken(added.value.id, added.value.id, 'race');
      if (!issued.ok) throw new Error('cannot issue a token');
      token = issued.value.token;
      const ids = await handle.db
        .selectFrom('node')
        .select('id')
        .where('plan_id', '=', 'mirai-2016')
        .orderBy('id')
        .limit(editors)
        .execute();
      const editing = createEditingStore(handle.db);
      nodes = await Promise.all(
        ids.map(async ({ id }) => ({ id, version: (await editing.getRecord('node', id))?.version ?? -1 })),
      );
    } finally {
      await handle.close();
    }
    for (let n = 0; n < imports; n += 1) await writeFile(join(dir, `import-${n}.csv`), importCsv(n));
    server = await startServer(env);
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server?.child.on('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('imports every file, saves every edit, never answers 500, and verifies', async () => {
    if (!server) throw new Error('no server');
    const { origin } = server;
    const started = Date.now();
    let stopReads = () => {};
    const reads = new Promise<AutocannonResult>((resolve, reject) => {
      const instance = autocannon(
        {
          url: origin,
          connections: readConnections,
          duration: 600,
          requests: [
            { method: 'GET', path: '/' },
            { method: 'GET', path: '/plans/mirai-2016' },
            { method: 'GET', path: `/api/v1/nodes/${nodes[0]?.id}` },
            { method: 'GET', path: '/search?q=%E5%AD%90%E8%82%B2%E3%81%A6' },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      stopReads = () => instance.stop();
    });

    const importRuns: Exit[] = [];
    const importing = (async () => {
      for (let n = 0; n < imports; n += 1) {
        importRuns.push(
          await mieruka(
            [
              'import',
              join(dir, `import-${n}.csv`),
              '--plan',
              'mirai-2016',
              '--quiet',
              '--publish',
              '--accept-warnings',
            ],
            env,
          ),
        );
      }
    })();

    const editStatuses: number[] = [];
    const editing = Promise.all(
      nodes.map(async (node, worker) => {
        for (let i = worker; i < edits; i += nodes.length) {
          // A client told 503 comes back after Retry-After, as a browser's user would.
          for (;;) {
            const res = await fetch(`${origin}/api/v1/nodes/${node.id}`, {
              method: 'PATCH',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ version: node.version, data: { description: `競合試験 ${i}` } }),
            });
            editStatuses.push(res.status);
            const body = (await res.json()) as { draft?: { version: number } };
            if (res.status === 200 && body.draft) {
              node.version = body.draft.version;
              break;
            }
            if (res.status !== 503) break;
            await new Promise((resolve) =>
              setTimeout(resolve, 1_000 * Number(res.headers.get('retry-after') ?? 1)),
            );
          }
        }
      }),
    );

    await Promise.all([importing, editing]);
    stopReads();
    const readResult = await reads;
    const seconds = (Date.now() - started) / 1000;

    const readStatuses = Object.fromEntries(
      Object.entries(readResult.statusCodeStats).map(([code, { count }]) => [code, count]),
    );
    const verify = await mieruka(['verify'], env);
    // The last import's values stand: no import was lost or half applied.
    const check = openDatabase(env.DATABASE_URL);
    const imported = await check.db
      .selectFrom('indicator_value')
      .select((eb) => [eb.fn.countAll<number>().as('rows'), eb.fn.sum<number>('value').as('total')])
      .where('indicator_id', '=', 'mirai-2016.i.seizure-count')
      .where('role', '=', 'observation')
      .where('date', 'like', '199%')
      .executeTakeFirstOrThrow();
    await check.close();
    const figures = {
      importsOk: importRuns.filter((r) => r.code === 0).length,
      importsFailed: importRuns.filter((r) => r.code !== 0).map((r) => r.stderr.trim()),
      editsOk: editStatuses.filter((s) => s === 200).length,
      edit503: editStatuses.filter((s) => s === 503).length,
      editOther: editStatuses.filter((s) => s !== 200 && s !== 503),
      reads: readResult.requests.total,
      readStatuses,
      readErrors: readResult.errors,
      readTimeouts: readResult.timeouts,
      seconds,
      verify: verify.code,
    };
    console.info(`write race: ${JSON.stringify(figures)}`);

    expect(figures.importsFailed).toEqual([]);
    expect(figures.importsOk).toBe(imports);
    expect(figures.editOther).toEqual([]);
    expect(figures.editsOk).toBe(edits);
    expect(readStatuses['500'] ?? 0).toBe(0);
    expect(Object.keys(readStatuses).filter((code) => code.startsWith('5') && code !== '503')).toEqual([]);
    expect(figures.reads).toBeGreaterThan(0);
    const last = imports - 1;
    expect({ rows: Number(imported.rows), total: Number(imported.total) }).toEqual({
      rows: 60,
      total: 60 * last * 100 + (59 * 60) / 2,
    });
    expect(verify.stderr).toBe('');
    expect(verify.code).toBe(0);
  });
});
