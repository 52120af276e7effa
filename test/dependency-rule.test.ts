/**
 * The layer rule of .dependency-cruiser.cjs (run by `npm run check`): it passes on src/ today, and it fails, naming
 * the rule and both modules, on a small tree in a temporary folder that repeats the wrong-way imports src/ once had.
 * The fixture lives outside src/, so a failed run leaves nothing behind in the project.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const config = join(root, '.dependency-cruiser.cjs');
const depcruise = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');
const run = promisify(execFile);

interface WrongWay {
  wrongWay: string;
  file: string;
  text: string;
  extra?: Record<string, string>;
  rule: string;
}

interface CruiseResult {
  code: number;
  output: string;
}

async function cruise(cwd: string): Promise<CruiseResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [depcruise, 'src', '--config', config], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

// Each layer importing only itself and the layers below it, plus the tests' freedom to import anything.
const rightWay = {
  'src/domain/model.ts': 'export const model = 1;\n',
  'src/domain/model.test.ts':
    "import { readFileSync } from 'node:fs';\nimport { seed } from '../io/seed-demo.ts';\n",
  'src/store/seed.ts': "import { model } from '../domain/model.ts';\nexport const store = model;\n",
  'src/io/seed-demo.ts': "import { store } from '../store/seed.ts';\nexport const seed = store;\n",
  'src/web/params.ts': "import { seed } from '../io/seed-demo.ts';\nexport const params = seed;\n",
  'src/cli/commands.ts': "import { params } from '../web/params.ts';\nexport const commands = [params];\n",
  'src/cli.ts': "import { commands } from './cli/commands.ts';\nexport default commands;\n",
};

describe('the dependency rule (npm run check:layers)', () => {
  it('finds no violation in src/', async () => {
    const result = await cruise(root);
    expect(result.output).toContain('no dependency violations found');
    expect(result.code).toBe(0);
  });

  describe('on a temporary tree', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mieruka-layers-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    async function cruiseTree(files: Record<string, string>): Promise<CruiseResult> {
      const tree = await mkdtemp(join(dir, 'tree-'));
      await writeTree(tree, files);
      return cruise(tree);
    }

    it('passes layers that point one way, with tests importing any layer', async () => {
      const result = await cruiseTree(rightWay);
      expect(result.output).toContain('no dependency violations found');
      expect(result.code).toBe(0);
    });

    it.each<WrongWay>([
      {
        wrongWay: 'the store importing io',
        file: 'src/store/seed.ts',
        text: "import { demoDir } from '../io/dataset.ts';\nexport const store = demoDir;\n",
        extra: { 'src/io/dataset.ts': 'export const demoDir = "data/demo";\n' },
        rule: 'store-imports-no-higher-layer: src/store/seed.ts → src/io/dataset.ts',
      },
      {
        wrongWay: 'io importing web, by a type-only import',
        file: 'src/io/export/routes.ts',
        text: "import type { params } from '../../web/params.ts';\nexport type P = typeof params;\n",
        rule: 'io-imports-no-higher-layer: src/io/export/routes.ts → src/web/params.ts',
      },
      {
        wrongWay: 'the domain importing the store',
        file: 'src/domain/figures.ts',
        text: "import { store } from '../store/seed.ts';\nexport const figures = store;\n",
        rule: 'domain-imports-no-higher-layer: src/domain/figures.ts → src/store/seed.ts',
      },
      {
        wrongWay: 'web importing the command line',
        file: 'src/web/app.ts',
        text: "import { commands } from '../cli/commands.ts';\nexport const app = commands;\n",
        rule: 'web-imports-no-higher-layer: src/web/app.ts → src/cli/commands.ts',
      },
      {
        wrongWay: 'the domain reading files',
        file: 'src/domain/load.ts',
        text: "import { readFileSync } from 'node:fs';\nexport const load = readFileSync;\n",
        rule: 'domain-does-no-io: src/domain/load.ts → fs',
      },
      {
        wrongWay: 'shipped code importing a test helper',
        file: 'src/io/fixture.ts',
        text: "import { helper } from '../../test/helpers/helper.ts';\nexport const fixture = helper;\n",
        extra: { 'test/helpers/helper.ts': 'export const helper = 1;\n' },
        rule: 'src-imports-no-tests: src/io/fixture.ts → test/helpers/helper.ts',
      },
    ])('fails on $wrongWay, naming the rule and both modules', async ({ file, text, extra, rule }) => {
      const result = await cruiseTree({ ...rightWay, ...extra, [file]: text });
      expect(result.output).toContain(`error ${rule}`);
      expect(result.output).toMatch(/x 1 dependency violations/);
      expect(result.code).not.toBe(0);
    });

    it('fails on a cycle, naming each module in it', async () => {
      const result = await cruiseTree({
        ...rightWay,
        'src/cli/commands.ts':
          "import { runVerify } from './verify.ts';\nexport const commands = [runVerify];\n",
        'src/cli/verify.ts':
          "import { commands } from './commands.ts';\nexport const runVerify = commands;\n",
      });
      expect(result.output).toMatch(/error no-cycles: src\/cli\/(commands|verify)\.ts →/);
      expect(result.output).toContain('src/cli/verify.ts');
      expect(result.output).toContain('src/cli/commands.ts');
      expect(result.code).not.toBe(0);
    });
  });
});
