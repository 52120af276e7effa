import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import type { CliCommand } from './command.ts';
import { UsageError } from './command.ts';
import { runCli } from './run.ts';
import { parseServeOptions } from './serve.ts';

const root = new URL('../../', import.meta.url);
const dataUrl = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;
// Module hooks that print every file the process imports. Written synchronously: the hooks run on their own thread,
// whose buffered output a quick exit may drop.
const printLoads =
  "import { writeSync } from 'node:fs'; export async function resolve(specifier, context, next) { const r = await next(specifier, context); if (r.url.startsWith('file:')) writeSync(2, 'loaded ' + r.url + '\\n'); return r; }";
const registerPrintLoads = `import { register } from 'node:module'; register(${JSON.stringify(dataUrl(printLoads))});`;

/** Runs bin/mieruka.js with `args`: its output, and the compiled files it loaded (dist/ is built by test setup). */
async function runBin(args: string[]): Promise<{ stdout: string; loaded: string[] }> {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', dataUrl(registerPrintLoads), new URL('bin/mieruka.js', root).pathname, ...args],
    { cwd: root },
  );
  const loaded = stderr
    .split('\n')
    .filter((line) => line.startsWith(`loaded ${root.href}`))
    .map((line) => line.slice(`loaded ${root.href}`.length))
    .filter((path) => path.startsWith('dist/'));
  return { stdout, loaded: [...new Set(loaded)].sort() };
}

const echo: CliCommand = {
  name: 'echo',
  summary: '引数を表示する (print the arguments)',
  usage: '<words…>',
  async run(args, io) {
    if (args.length === 0) throw new UsageError('言葉がありません (no words)');
    io.out(args.join(' '));
    return 0;
  },
};

describe('runCli', () => {
  it('lists every command for --help and exits 0', async () => {
    const io = captureIo();
    expect(await runCli(['--help'], io)).toBe(0);
    const text = io.stdout.join('\n');
    for (const name of ['serve [--port N] [--no-demo]', 'migrate', 'seed demo']) expect(text).toContain(name);
  });

  it('exits 2 with the usage for an unknown command', async () => {
    const io = captureIo();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(
      /不明なコマンドです \(unknown command\): frobnicate[\s\S]*mieruka serve/,
    );
  });

  it('exits 2 with the usage when no command is given', async () => {
    const io = captureIo();
    expect(await runCli([], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('使い方 (usage)');
  });

  it('runs a command from the table with its arguments', async () => {
    const io = captureIo();
    expect(await runCli(['echo', 'a', 'b'], io, [echo])).toBe(0);
    expect(io.stdout).toEqual(['a b']);
  });

  it("turns a command's UsageError into exit 2 with that command's usage", async () => {
    const io = captureIo();
    expect(await runCli(['echo'], io, [echo])).toBe(2);
    expect(io.stderr.join('\n')).toContain(
      '言葉がありません (no words)\n使い方 (usage): mieruka echo <words…>',
    );
  });

  it('rejects seed with anything but demo', async () => {
    const io = captureIo({ DATABASE_URL: ':memory:' });
    expect(await runCli(['seed', 'komoro'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('the only dataset is "demo"');
  });

  it.each([
    [{ MIERUKA_TRUST_PROXIE: '1' }, 'unknown setting MIERUKA_TRUST_PROXIE'],
    [{ PORT: 'eighty' }, 'invalid setting PORT="eighty": expected an integer from 0 to 65535'],
    [{ DATABASE_URL: 'mysql://root:hunter2@db/m' }, 'invalid setting DATABASE_URL="mysql://root:***@db/m"'],
  ])('stops any command with exit 2 before it runs when a setting is wrong: %j', async (env, message) => {
    const io = captureIo(env);
    expect(await runCli(['echo', 'ran'], io, [echo])).toBe(2);
    expect(io.stdout).toEqual([]);
    const printed = io.stderr.join('\n');
    expect(printed).toContain('設定が正しくないため開始できません (the settings stop the start)');
    expect(printed).toContain(message);
    expect(printed).not.toContain('hunter2');
  });

  it('migrates an in-memory database', async () => {
    const io = captureIo({ DATABASE_URL: ':memory:' });
    expect(await runCli(['migrate'], io)).toBe(0);
    expect(io.stdout).toContain('Success: 2026-11-21-03-indicators');
  });
});

describe('mieruka --help as a process', () => {
  it.each([
    { args: ['--help'], usage: 'mieruka build-static <dir>' },
    { args: ['import', '--help'], usage: 'mieruka import <file.json>… [--jobs N] | <file.csv|file.xlsx>' },
    { args: ['serve', '-h'], usage: 'mieruka serve [--port N] [--no-demo]' },
  ])(
    '$args prints the usage from the command table without loading any command',
    async ({ args, usage }) => {
      const { stdout, loaded } = await runBin(args);
      expect(stdout).toContain(usage);
      expect(loaded).toEqual([
        'dist/cli.js',
        'dist/cli/command.js',
        'dist/cli/commands.js',
        'dist/cli/run.js',
      ]);
    },
    30_000,
  );
});

describe('parseServeOptions', () => {
  it('defaults to port 8080 with the demo', () => {
    expect(parseServeOptions([], {})).toEqual({ port: 8080, demo: true });
  });

  it('takes --port 0 for any free port', () => {
    expect(parseServeOptions(['--port', '0'], {})).toEqual({ port: 0, demo: true });
  });

  it('takes PORT from the environment, and --port over it', () => {
    expect(parseServeOptions([], { PORT: '3000' })).toEqual({ port: 3000, demo: true });
    expect(parseServeOptions(['--port', '4000', '--no-demo'], { PORT: '3000' })).toEqual({
      port: 4000,
      demo: false,
    });
  });

  it.each([['--port', 'abc'], ['--port', '70000'], ['--bogus'], ['extra']])('rejects %s', (...args) => {
    expect(() => parseServeOptions(args, {})).toThrow(UsageError);
  });
});
