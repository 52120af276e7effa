/**
 * Progress as plain lines, for output that is not a terminal (a log file, CI, a pipe): one line when a step starts,
 * one every `intervalMs` while it runs, and one when it ends. No cursor movement, so a log stays readable.
 */
import type { ProgressStep, ProgressUpdate } from '../../domain/progress.ts';
import { progressText } from './progress-text.ts';
import { stepLabels } from './step-labels.ts';

export interface PlainProgressOptions {
  /** Where each line goes, without its newline. */
  writeLine: (line: string) => void;
  /** The command, printed at the start of each line, e.g. "build-static". */
  command: string;
  /** The least time between two lines of one running step; default 5 s. */
  intervalMs?: number;
  /** The clock in milliseconds, for tests. */
  now?: () => number;
}

/**
 * One line, e.g. `[import] 行を確認 (checking rows): 40,000/100,000 (40%)、残り約 3 秒 (about 3 s left)`; the time
 * left assumes the rest goes at the pace so far.
 */
export function plainProgressLine(command: string, update: ProgressUpdate, elapsedMs: number): string {
  const { done, total } = update;
  const leftSeconds = done > 0 ? ((elapsedMs / done) * (total - done)) / 1000 : undefined;
  const text = progressText(update, { elapsedSeconds: elapsedMs / 1000, leftSeconds });
  return `[${command}] ${stepLabels[update.step]}: ${text}`;
}

/** Writes the progress lines of one command run; give it every update. */
export class PlainProgress {
  private step: ProgressStep | undefined;
  private stepStart = 0;
  private lastLine = 0;
  private finished = false;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PlainProgressOptions) {
    this.intervalMs = options.intervalMs ?? 5_000;
    this.now = options.now ?? (() => performance.now());
  }

  update(update: ProgressUpdate): void {
    const now = this.now();
    if (update.step !== this.step) {
      this.step = update.step;
      this.stepStart = now;
      this.finished = false;
    } else if (this.finished || (update.done < update.total && now - this.lastLine < this.intervalMs)) {
      return;
    }
    this.lastLine = now;
    this.finished = update.done >= update.total;
    this.options.writeLine(plainProgressLine(this.options.command, update, now - this.stepStart));
  }
}
