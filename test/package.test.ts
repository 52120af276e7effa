/**
 * The package as a municipal IT vendor installs it: what `npm pack` ships, the Node.js version guard, and a
 * production install (`--omit=dev`, no TypeScript, no tsx) that serves nothing from src/ and still prints a PDF.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackEntry {
  files: { path: string }[];
  filename: string;
}

async function packList(): Promise<string[]> {
  const { stdout } = await run(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root });
  const [entry] = JSON.parse(stdout) as PackEntry[];
  return (entry?.files ?? []).map((file) => file.path);
}

describe('npm pack', { tags: ['slow'] }, () => {
  it('ships the compiled command, the demo and the docs, and no tests, test helpers, benches, sources or CI', async () => {
    const files = await packList();
    for (const needed of [
      'bin/mieruka.js',
      'dist/cli.js',
      'dist/web/assets/site.css',
      'data/demo/schema.json',
    ]) {
      expect(files).toContain(needed);
    }
    expect(files.filter((path) => /\.test\.|^test\/|^bench\/|^\.ci\/|^src\//.test(path))).toEqual([]);
    // Test helpers live in test/helpers, so no compiled helper or fixture reaches dist/.
    expect(files.filter((path) => /\/testing(\/|\.js$)|\/test-|fixture/.test(path))).toEqual([]);
    expect(files.filter((path) => path.startsWith('dist/') && path.endsWith('.ts'))).toEqual([]);
  });
});

describe('bin/mieruka.js on an old Node.js', () => {
  it('stops at once, naming the version found and the one needed', () => {
    // Pretends to be Node 20 before the command's first line runs.
    const pretend = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"20.19.0"})';
    const result = spawnSync(
      process.execPath,
      ['--import', pretend, join(root, 'bin/mieruka.js'), '--help'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Node.js 22.12 以上が必要です');
    expect(result.stderr).toContain('found 20.19.0');
  });
});

describe('a production install of the packed package', { tags: ['slow'] }, () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('installs with --omit=dev, has no TypeScript tooling, and prints the report PDF', async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-pack-'));
    await run(npm, ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: root });
    const [tarball] = (await readdir(dir)).filter((name) => name.endsWith('.tgz'));
    const app = join(dir, 'app');
    await mkdir(app, { recursive: true });
    await run('tar', ['xzf', join(dir, tarball ?? ''), '-C', app, '--strip-components=1']);
    await run(npm, ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: app,
      timeout: 240_000,
    });
    for (const devTool of ['typescript', 'tsx', 'vitest']) {
      expect(existsSync(join(app, 'node_modules', devTool))).toBe(false);
    }
    expect(existsSync(join(app, 'src'))).toBe(false);

    const env = { ...process.env, DATABASE_URL: join(dir, 'mieruka.sqlite') };
    const bin = join(app, 'bin/mieruka.js');
    await run(process.execPath, [bin, 'seed', 'demo'], { cwd: app, env });
    const pdf = join(dir, 'report.pdf');
    const { stdout } = await run(process.execPath, [bin, 'report', '--plan', 'mirai-2016', '--pdf', pdf], {
      cwd: app,
      env,
      timeout: 120_000,
    });
    expect(stdout).toMatch(/PDF を書き出しました \(wrote the PDF\)/);
    expect(existsSync(pdf)).toBe(true);
  }, 360_000);
});
