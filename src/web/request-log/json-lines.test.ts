import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLinesLogger, linesPerTurn } from './json-lines.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('linesPerTurn', () => {
  it('passes the lines of one turn on as one write, in order, once the turn ends', async () => {
    const writes: string[] = [];
    const lines = linesPerTurn({ write: (text) => writes.push(text), flushSync: () => {} });
    for (let n = 0; n < 50; n += 1) lines.write(`{"n":${n}}\n`);
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toHaveLength(1);
    expect(
      writes[0]
        ?.trim()
        .split('\n')
        .map((line) => JSON.parse(line).n),
    ).toEqual([...Array(50).keys()]);
    lines.write('{"n":50}\n');
    await nextTurn();
    expect(writes).toEqual([expect.any(String), '{"n":50}\n']);
  });
});

describe('jsonLinesLogger', () => {
  it('writes one JSON line per call with the level as a word and an ISO time, and keeps to its level', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mieruka-log-'));
    dirs.push(dir);
    const file = join(dir, 'requests.log');
    const logger = jsonLinesLogger('info', { destination: file });
    logger.debug({ requestId: 'probe' }, 'request');
    logger.info({ requestId: 'r-1', status: 200 }, 'request');
    logger.error({ requestId: 'r-2', status: 500 }, 'request');
    const read = () => {
      try {
        return readFileSync(file, 'utf8');
      } catch {
        return '';
      }
    };
    for (let waited = 0; read().split('\n').length < 3 && waited < 3000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(
      read()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/),
        requestId: 'r-1',
        status: 200,
        msg: 'request',
      },
      { level: 'error', time: expect.any(String), requestId: 'r-2', status: 500, msg: 'request' },
    ]);
  });
});
