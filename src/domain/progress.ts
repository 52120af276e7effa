/**
 * How far a long piece of work has come. The io and web code report it through a callback; only src/cli turns it
 * into a bar on a terminal or a line now and then in a log, so no terminal code lives below the command line.
 */

/** The steps that report progress; the command line names each in Japanese and English. */
export type ProgressStep = 'render-pages' | 'write-files' | 'check-rows' | 'write-rows' | 'print-pdf';

export interface ProgressUpdate {
  step: ProgressStep;
  /** Units finished so far, from 0 to `total`. */
  done: number;
  /** Units in the step; it may grow while the work finds more (a crawl finding links). */
  total: number;
}

export type OnProgress = (update: ProgressUpdate) => void;

/** Ticks a step's count and reports every `every` units and at the end, so a loop calls back rarely. */
export interface ProgressCounter {
  /** Adds `units` finished (default 1). */
  add(units?: number): void;
}

/**
 * Reports `{ step, done: 0, total }` at once, then every `every` units and when `done` reaches `total`: a loop over
 * 100,000 rows calls `onProgress` about 100 times, not 100,000.
 * @example const rows = progressCounter(onProgress, 'check-rows', 100_000); rows.add(); // … rows.add(); reported at 1,000
 */
export function progressCounter(
  onProgress: OnProgress | undefined,
  step: ProgressStep,
  total: number,
  every = 1_000,
): ProgressCounter {
  if (onProgress === undefined) return { add: () => {} };
  let done = 0;
  let reported = 0;
  onProgress({ step, done, total });
  return {
    add(units = 1) {
      done = Math.min(total, done + units);
      if (done === reported || (done - reported < every && done < total)) return;
      reported = done;
      onProgress({ step, done, total });
    },
  };
}
