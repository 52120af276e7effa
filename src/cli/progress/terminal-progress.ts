/**
 * Progress as a bar redrawn in place on a terminal, by cli-progress (a widely used library that handles the
 * cursor, redraw throttling and a moving-window estimate of the time left). One bar per step: a finished step's
 * bar stays on its own line.
 */
import cliProgress, { type GenericFormatter } from 'cli-progress';
import type { ProgressStep, ProgressUpdate } from '../../domain/progress.ts';
import type { ProgressStream } from '../command.ts';
import { progressText } from './progress-text.ts';
import { stepLabels } from './step-labels.ts';

const format: GenericFormatter = (options, params, payload: { step: ProgressStep }) => {
  const bar = cliProgress.Format.BarFormat(params.progress, options);
  const elapsedSeconds = ((params.stopTime ?? Date.now()) - params.startTime) / 1000;
  // cli-progress gives 'NULL' or 'INF' before it has a pace.
  const leftSeconds = typeof params.eta === 'number' ? params.eta : undefined;
  const update = { step: payload.step, done: params.value, total: params.total };
  return `${stepLabels[payload.step]} ${bar} ${progressText(update, { elapsedSeconds, leftSeconds })}`;
};

export class TerminalProgress {
  private bar: cliProgress.SingleBar | undefined;
  private step: ProgressStep | undefined;

  constructor(private readonly stream: ProgressStream) {}

  update({ step, done, total }: ProgressUpdate): void {
    if (step !== this.step || this.bar === undefined) {
      this.stop();
      this.step = step;
      this.bar = new cliProgress.SingleBar({
        stream: this.stream,
        format,
        barsize: 20,
        barCompleteChar: '█',
        barIncompleteChar: '░',
        etaBuffer: 50,
      });
      this.bar.start(total, done, { step });
      return;
    }
    if (total !== this.bar.getTotal()) this.bar.setTotal(total);
    this.bar.update(done);
  }

  /** Leaves the last bar drawn as it stands and moves to a new line. */
  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}
