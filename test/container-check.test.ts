/**
 * The deployment kit: the Dockerfile and compose.yaml hold what a municipal IT vendor relies on, and
 * .ci/container-check builds the image where a Docker engine answers, or runs the Dockerfile's steps for real
 * where none does, so a Dockerfile whose build commands stop working fails the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  commandOf,
  dockerfileInstructions,
  dockerignoreMatcher,
  parseCopy,
  parseEnv,
  runParts,
  stagesOf,
  // @ts-expect-error .ci/container-check.js is a plain JavaScript script without type declarations.
} from '../.ci/container-check.js';

const root = new URL('..', import.meta.url).pathname;
const script = join(root, '.ci/container-check.js');

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  image: string;
  name: string;
  instructions: Instruction[];
}

const stages = (): Stage[] =>
  stagesOf(dockerfileInstructions(readFileSync(join(root, 'Dockerfile'), 'utf8')));
const argsOf = (stage: Stage, keyword: string) =>
  stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

describe('reading a Dockerfile', () => {
  it('joins continued lines, drops comments and names the stages', () => {
    const text =
      'FROM node:22 AS build\n# note\nRUN npm ci \\\n  && npm test\nFROM debian\nCMD ["node", "x.js"]';
    const read: Stage[] = stagesOf(dockerfileInstructions(text));
    expect(read.map((s) => [s.image, s.name])).toEqual([
      ['node:22', 'build'],
      ['debian', '1'],
    ]);
    expect(read[0]?.instructions).toEqual([{ keyword: 'RUN', args: 'npm ci && npm test', line: 3 }]);
    expect(commandOf(read[1]?.instructions[0]?.args)).toEqual(['node', 'x.js']);
  });

  it('reads COPY, ENV and which RUN parts run without the image', () => {
    expect(parseCopy('--from=build --chown=node /app/a /app/b ./')).toEqual({
      from: 'build',
      sources: ['/app/a', '/app/b'],
      dest: './',
    });
    expect(parseEnv('A=1 B="two words" C=')).toEqual({ A: '1', B: 'two words', C: '' });
    expect(parseEnv('A one')).toEqual({ A: 'one' });
    expect(runParts('apt-get update && npm ci --omit=dev && node -e 1')).toEqual([
      { command: 'apt-get update', runs: false },
      { command: 'npm ci --omit=dev', runs: true },
      { command: 'node -e 1', runs: true },
    ]);
  });

  it('matches .dockerignore patterns, folders and exceptions', () => {
    const ignored = dockerignoreMatcher('node_modules\nsrc/**/*.test.ts\ndata/*.sqlite\n*.log\n!keep.log');
    expect(ignored('node_modules/zod/index.js')).toBe(true);
    expect(ignored('src/cli/run.test.ts')).toBe(true);
    expect(ignored('src/cli/run.ts')).toBe(false);
    expect(ignored('data/mieruka.sqlite')).toBe(true);
    expect(ignored('data/demo/komoro/plans/a.yaml')).toBe(false);
    expect(ignored('build.log')).toBe(true);
    expect(ignored('keep.log')).toBe(false);
  });
});

describe('the Dockerfile', () => {
  it('builds in one stage (npm ci, npm run build, development packages pruned) and runs in another', () => {
    const [build, runtime, ...more] = stages();
    expect(more).toEqual([]);
    expect(build?.name).toBe('build');
    const buildRuns = argsOf(build!, 'RUN').join(' && ');
    expect(buildRuns).toMatch(/npm ci\b/);
    expect(buildRuns).toMatch(/npm run build\b/);
    expect(buildRuns).toMatch(/npm prune --omit=dev\b/);
    expect(argsOf(runtime!, 'COPY').every((args) => args.startsWith('--from=build '))).toBe(true);
  });

  it('runs Node 22 on Debian bookworm slim with Chromium and Japanese fonts, as a non-root user', () => {
    const runtime = stages()[1]!;
    expect(runtime.image).toBe('node:22-bookworm-slim');
    expect(argsOf(runtime, 'RUN').join(' ')).toMatch(/apt-get install .*\bchromium\b.*\bfonts-noto-cjk\b/);
    const env = Object.assign({}, ...argsOf(runtime, 'ENV').map(parseEnv));
    expect(env).toMatchObject({ HOST: '0.0.0.0', PORT: '8080', CHROMIUM_PATH: '/usr/bin/chromium' });
    expect(argsOf(runtime, 'USER')).toEqual(['node']);
    expect(argsOf(runtime, 'EXPOSE')).toEqual(['8080']);
    expect(argsOf(runtime, 'VOLUME')).toEqual([env.DATABASE_URL.replace(/\/[^/]+$/, '')]);
    expect(argsOf(runtime, 'HEALTHCHECK').join(' ')).toContain('/healthz');
  });
});

describe('compose.yaml', () => {
  const compose = parse(readFileSync(join(root, 'compose.yaml'), 'utf8'));

  it('runs the app on PostgreSQL once the database is healthy, the data in a named volume', () => {
    const { app, db } = compose.services;
    expect(db.image).toMatch(/^postgres:/);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    const [volume] = db.volumes[0].split(':');
    expect(Object.keys(compose.volumes)).toContain(volume);
    expect(app.build).toBe('.');
    expect(app.depends_on).toEqual({ db: { condition: 'service_healthy' } });
    expect(app.environment.DATABASE_URL).toMatch(/^postgres:\/\/mieruka:.*@db:5432\/mieruka$/);
    expect(app.ports).toEqual(['127.0.0.1:8080:8080']);
  });
});

describe('.ci/container-check', { tags: ['slow'] }, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: 280_000 });

  it('builds and serves the demo from the Dockerfile (the image, or its steps without a Docker engine)', () => {
    const result = run();
    const output = result.stdout + result.stderr;
    expect(result.status, output.slice(-4_000)).toBe(0);
    expect(output).toContain('container-check: /healthz 200');
    expect(output).toContain('container-check: /readyz 200');
    expect(output).toContain('container-check: demo pages 200');
    expect(output).toMatch(/container-check: passed in [\d.]+ s/);
  }, 300_000);

  it('fails when a build command of the Dockerfile stops working', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mieruka-broken-dockerfile-'));
    dirs.push(dir);
    const dockerfile = join(dir, 'Dockerfile');
    writeFileSync(
      dockerfile,
      [
        'FROM node:22-bookworm-slim AS build',
        'WORKDIR /app',
        'COPY package.json package-lock.json ./',
        'RUN npm run no-such-script',
      ].join('\n'),
    );
    const result = run('--steps', '--dockerfile', dockerfile);
    expect(result.stdout).toContain('container-check: FAILED: /bin/sh -c npm run no-such-script failed');
    expect(result.status).toBe(1);
  }, 60_000);
});
