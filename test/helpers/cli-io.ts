/** A CliIo that keeps what a command prints, for tests of the `mieruka` commands. */
import type { CliIo } from '../../src/cli/command.ts';

export type CapturedIo = CliIo & { stdout: string[]; stderr: string[] };

/** `captureIo(dbFile)` sets DATABASE_URL; `captureIo({ … })` takes a whole environment. */
export function captureIo(envOrDatabaseUrl: NodeJS.ProcessEnv | string = {}): CapturedIo {
  const env = typeof envOrDatabaseUrl === 'string' ? { DATABASE_URL: envOrDatabaseUrl } : envOrDatabaseUrl;
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, env, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}
