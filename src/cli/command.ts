/** The shape of one `mieruka` command, as commands.ts lists them; each runs a module under src/cli/. */
import { type ParseArgsOptionsConfig, parseArgs } from 'node:util';

/** A stream progress is shown on: stderr, or a fake one in tests. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/** Where a command writes, so tests can capture it. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /**
   * Where long commands show their progress: stderr (a bar when it is a terminal, plain lines otherwise).
   * Absent: no progress, as in tests that capture output.
   */
  progress?: ProgressStream;
}

export interface CliCommand {
  name: string;
  /** One line for `mieruka --help`, Japanese then English. */
  summary: string;
  /** Arguments after the command name, e.g. "[--port N] [--no-demo]". */
  usage: string;
  /** Resolves with the process exit code: 0 ok, 1 failed, 2 bad usage. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Bad arguments: the runner prints the message with the command's usage and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Reads a command's flags and positionals (strict), turning node's parse error into a UsageError. */
export function parseCommandArgs<Options extends ParseArgsOptionsConfig>(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`引数が正しくありません (invalid arguments): ${(error as Error).message}`);
  }
}
