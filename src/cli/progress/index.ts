/**
 * Progress of long commands (build-static, table imports, report --pdf) on stderr, so piped stdout stays clean:
 * a bar on a terminal, a plain line now and then otherwise, nothing with --quiet or when the command has no
 * progress stream (tests that capture output).
 */
import type { OnProgress } from '../../domain/progress.ts';
import type { CliIo } from '../command.ts';
import { PlainProgress } from './plain-progress.ts';
import { TerminalProgress } from './terminal-progress.ts';

export { PlainProgress, plainProgressLine } from './plain-progress.ts';
export { formatSeconds, progressText } from './progress-text.ts';
export { TerminalProgress } from './terminal-progress.ts';

export interface ProgressDisplay {
  /** Give this to the work; undefined when nothing is shown, so the work skips counting. */
  onProgress: OnProgress | undefined;
  /** Ends the display (a bar moves to a new line); call before printing the outcome. */
  stop(): void;
}

const none: ProgressDisplay = { onProgress: undefined, stop: () => {} };

/** True when `io.progress` is a terminal that understands cursor movement. */
export const drawsOnTerminal = (io: CliIo): boolean => io.progress?.isTTY === true && io.env.TERM !== 'dumb';

/** The progress display for one run of `command`, e.g. `startProgress(io, 'import', quiet)`. */
export function startProgress(io: CliIo, command: string, quiet: boolean): ProgressDisplay {
  const stream = io.progress;
  if (quiet || stream === undefined) return none;
  if (drawsOnTerminal(io)) {
    const terminal = new TerminalProgress(stream);
    return { onProgress: (update) => terminal.update(update), stop: () => terminal.stop() };
  }
  const plain = new PlainProgress({ command, writeLine: (line) => stream.write(`${line}\n`) });
  return { onProgress: (update) => plain.update(update), stop: () => {} };
}
