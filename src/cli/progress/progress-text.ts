/** The words of a progress line, shared by the terminal bar and the plain lines. */
import type { ProgressUpdate } from '../../domain/progress.ts';

/** Seconds in both languages, e.g. `formatSeconds(65) // { ja: '1 分 5 秒', en: '1 min 5 s' }`. */
export function formatSeconds(seconds: number): { ja: string; en: string } {
  if (seconds < 10) {
    const s = (Math.round(seconds * 10) / 10).toString();
    return { ja: `${s} 秒`, en: `${s} s` };
  }
  const whole = Math.round(seconds);
  if (whole < 60) return { ja: `${whole} 秒`, en: `${whole} s` };
  const [minutes, rest] = [Math.floor(whole / 60), whole % 60];
  return { ja: `${minutes} 分 ${rest} 秒`, en: `${minutes} min ${rest} s` };
}

export interface ProgressTimes {
  /** Since the step started. */
  elapsedSeconds: number;
  /** The estimate, when there is one. */
  leftSeconds?: number | undefined;
}

/**
 * Counts and time, e.g. `40,000/100,000 (40%)、残り約 3 秒 (about 3 s left)`, or `… (100%)、完了 2.1 秒 (done in 2.1 s)`.
 */
export function progressText({ done, total }: ProgressUpdate, times: ProgressTimes): string {
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${percent}%)`;
  if (done >= total) {
    const took = formatSeconds(times.elapsedSeconds);
    return `${counts}、完了 ${took.ja} (done in ${took.en})`;
  }
  if (times.leftSeconds === undefined || !Number.isFinite(times.leftSeconds)) return counts;
  const left = formatSeconds(times.leftSeconds);
  return `${counts}、残り約 ${left.ja} (about ${left.en} left)`;
}
