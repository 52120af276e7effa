import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo, FakeStream } from '../../test/helpers/cli-io.ts';
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

  it('reads --quiet, which turns the progress lines off', () => {
    expect(parseBuildStaticOptions(['out', '--quiet'])).toEqual({
      outDir: join(process.cwd(), 'out'),
      quiet: true,
    });
    expect(parseBuildStaticOptions(['out']).quiet).toBe(false);
  });

  it.each([[[]], [['a', 'b']], [['--out']], [['--quiet']]])('exits 2 for %j', async (args) => {
    expect(await runCli(['build-static', ...args], captureIo(':memory:'))).toBe(2);
  });
});
