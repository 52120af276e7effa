/** A CliIo that keeps what a command prints, for tests of the `mieruka` commands. */
import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/command.ts';

/** A stream that keeps what is written to it; `isTTY` makes it pass for a terminal of `columns` columns. */
export class FakeStream extends Writable {
  readonly chunks: string[] = [];
  readonly isTTY: boolean;
  readonly columns = 120;

  constructor({ isTTY = false } = {}) {
    super();
    this.isTTY = isTTY;
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(chunk.toString());
    done();
  }

  /** Everything written so far. */
  text(): string {
    return this.chunks.join('');
  }

  /** Everything written, as lines without their newline. */
  lines(): string[] {
    return this.text().split('\n').filter(Boolean);
  }
}

export type CapturedIo = CliIo & { stdout: string[]; stderr: string[] };

/**
 * `captureIo(dbFile)` sets DATABASE_URL; `captureIo({ … })` takes a whole environment. Progress is shown only when
 * `progress` is given (a FakeStream), as the real command shows it on stderr.
 */
export function captureIo(
  envOrDatabaseUrl: NodeJS.ProcessEnv | string = {},
  { progress }: { progress?: FakeStream } = {},
): CapturedIo {
  const env = typeof envOrDatabaseUrl === 'string' ? { DATABASE_URL: envOrDatabaseUrl } : envOrDatabaseUrl;
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    env,
    out: (l) => stdout.push(l),
    err: (l) => stderr.push(l),
    ...(progress === undefined ? {} : { progress }),
  };
}
