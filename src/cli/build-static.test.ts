import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import { runCli } from './run.ts';

describe('mieruka build-static', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-build-static-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('seeds an empty database with the demo and writes the site with relative links', {
    tags: ['slow'],
    timeout: 60_000,
  }, async () => {
    const io = captureIo(join(dir, 'site.sqlite'));
    expect(await runCli(['build-static', join(dir, 'out')], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(io.stdout.at(-1)).toMatch(/wrote \d+ files, \d+ search entries/);
    const home = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    expect(home).toContain('href="plans/mirai-2016/index.html"');
    expect(home).toContain('href="index.en.html"');
  });

  it.each([[[]], [['a', 'b']], [['--out']]])('exits 2 for %j', async (args) => {
    expect(await runCli(['build-static', ...args], captureIo(':memory:'))).toBe(2);
  });
});
