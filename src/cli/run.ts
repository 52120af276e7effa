/** Dispatches `mieruka <command> [args]` to the command table and turns the outcome into an exit code. */
import { type CliCommand, type CliIo, UsageError } from './command.ts';
import { commands as defaultCommands } from './commands.ts';

/** The `--help` text, built from the command table. */
export function usage(commands: readonly CliCommand[] = defaultCommands): string {
  // The summary goes under its command: side by side, the longest usage pushed every line past 200 columns.
  const lines = commands.flatMap((c) => [
    `  mieruka ${`${c.name} ${c.usage}`.trimEnd()}`,
    `      ${c.summary}`,
  ]);
  return [
    '使い方 (usage):',
    ...lines,
    '',
    '環境変数 (environment): DATABASE_URL (既定 data/mieruka.sqlite; postgres://… も可), HOST (既定 127.0.0.1), PORT (既定 8080),',
    '  LOG_LEVEL (既定 info), MIERUKA_…: 一覧は docs/operations.md の「設定」 (every setting: docs/operations.md, "Settings")',
  ].join('\n');
}

/**
 * Why the environment's settings stop every command, or undefined when they are fine. Imported here, not at the
 * top, so that `--help` loads no schema.
 */
async function settingsRefusal(io: CliIo): Promise<string | undefined> {
  const { readSettings, SettingsError } = await import('./config/index.ts');
  try {
    readSettings(io.env);
    return undefined;
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return `設定が正しくないため開始できません (the settings stop the start):\n${error.message}`;
  }
}

export const defaultIo: CliIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  progress: process.stderr,
};

/** Runs one command line and resolves with its exit code, e.g. `await runCli(['migrate']) // 0`. */
export async function runCli(
  argv: string[],
  io: CliIo = defaultIo,
  commands: readonly CliCommand[] = defaultCommands,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.err(usage(commands));
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(commands));
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`不明なコマンドです (unknown command): ${name}\n\n${usage(commands)}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`mieruka ${command.name} ${command.usage}\n  ${command.summary}`);
    return 0;
  }
  const refusal = await settingsRefusal(io);
  if (refusal !== undefined) {
    io.err(refusal);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) {
      // Loaded only on failure: `--help` and every command's start stay free of the store.
      const busy = (await import('./busy.ts')).exitWhenBusy(error, io);
      if (busy !== undefined) return busy;
      throw error;
    }
    io.err(`${error.message}\n使い方 (usage): mieruka ${command.name} ${command.usage}`);
    return 2;
  }
}
