import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo, FakeStream } from '../../test/helpers/cli-io.ts';
import { writeDemoSqlite } from '../../test/helpers/sqlite-templates.ts';
import { parseBuildStaticOptions } from './build-static.ts';
import { runCli } from './run.ts';

describe('mieruka build-static', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-build-static-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('seeds an empty database with the demo and writes the site with relative links, showing progress', {
    tags: ['slow'],
    timeout: 60_000,
  }, async () => {
    const progress = new FakeStream();
    const io = captureIo(join(dir, 'site.sqlite'), { progress });
    expect(await runCli(['build-static', join(dir, 'out')], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    // Not a terminal: plain lines, from the first page rendered to the last file written.
    const lines = progress.lines();
    expect(lines[0]).toMatch(/^\[build-static\] ページを生成 \(rendering pages\): 0\/[\d,]+ \(0%\)$/);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^\[build-static\] ページを生成 \(rendering pages\): ([\d,]+)\/\1 \(100%\)、完了/,
      ),
    );
    expect(lines.at(-1)).toMatch(
      /^\[build-static\] ファイルを書き出し \(writing files\): ([\d,]+)\/\1 \(100%\)、完了/,
    );
    expect(progress.text()).not.toContain('\x1b');
    expect(io.stdout.at(-1)).toMatch(/wrote \d+ files, \d+ search entries/);
    const home = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    expect(home).toContain('href="plans/mirai-2016/index.html"');
    expect(home).toContain('href="index.en.html"');
  });

  it('writes one organization’s site alone with --organization, named by its 団体コード', {
    tags: ['slow'],
    timeout: 60_000,
  }, async () => {
    // An empty database: the command seeds the whole demo, Komoro and Hirakata.
    const io = captureIo(join(dir, 'site.sqlite'));
    const code = await runCli(['build-static', join(dir, 'out'), '--organization', '272108', '--quiet'], io);
    expect(io.stderr).toEqual([]);
    expect(code).toBe(0);
    expect(io.stdout[0]).toContain('小諸市、枚方市');
    const home = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    expect(home).toContain('href="plans/hirakata-shiwake-2010/index.html"');
    expect(home).not.toContain('mirai-2016');
    expect(await readdir(join(dir, 'out', 'plans'))).toEqual(['hirakata-shiwake-2010']);
    const search = await readFile(join(dir, 'out', 'search-index.json'), 'utf8');
    expect(search).not.toContain('mirai-2016');
  });

  it('exits 1 naming an organization the database does not hold', async () => {
    const database = join(dir, 'site.sqlite');
    await writeDemoSqlite(database);
    const io = captureIo(database);
    expect(await runCli(['build-static', join(dir, 'out'), '--organization', 'nowhere'], io)).toBe(1);
    expect(io.stderr).toEqual(['団体が見つかりません (organization not found): nowhere']);
  });

  it('reads --quiet, which turns the progress lines off', () => {
    expect(parseBuildStaticOptions(['out', '--quiet'])).toEqual({
      outDir: join(process.cwd(), 'out'),
      quiet: true,
    });
    expect(parseBuildStaticOptions(['out']).quiet).toBe(false);
  });

  it.each([
    [[]],
    [['a', 'b']],
    [['--out']],
    [['--quiet']],
    [['out', '--organization']],
    [['out', '--organization', ' ']],
  ])('exits 2 for %j', async (args) => {
    expect(await runCli(['build-static', ...args], captureIo(':memory:'))).toBe(2);
  });
});
