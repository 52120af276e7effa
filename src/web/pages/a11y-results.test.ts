import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readA11yResults } from './a11y-results.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mieruka-a11y-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const results = (violations: number) => ({
  testedAt: '2026-11-21',
  axeVersion: '4.0.0',
  rules: 'wcag2aa',
  pages: [{ name: 'home', path: '/', width: 390, violations }],
  violations,
});

describe('readA11yResults', () => {
  it('prefers the fresh test output and falls back to the committed copy', async () => {
    const fresh = pathToFileURL(join(dir, 'fresh.json'));
    const committed = pathToFileURL(join(dir, 'committed.json'));
    await writeFile(committed, JSON.stringify(results(2)));
    expect((await readA11yResults([fresh, committed]))?.violations).toBe(2);
    await writeFile(fresh, JSON.stringify(results(0)));
    expect((await readA11yResults([fresh, committed]))?.violations).toBe(0);
  });

  it('is null when no file holds valid results', async () => {
    const bad = pathToFileURL(join(dir, 'bad.json'));
    await writeFile(bad, JSON.stringify({ testedAt: 1 }));
    expect(await readA11yResults([bad, pathToFileURL(join(dir, 'none.json'))])).toBeNull();
  });
});
