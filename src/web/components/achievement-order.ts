/** Achievements in the order they happened, for a timeline. */
import type { Achievement } from '../../domain/model.ts';
import { comparePartialDates, parsePartialDate } from '../../domain/partial-date.ts';

/**
 * Dated achievements oldest first, then undated ones in source order (a date cannot be guessed).
 * @example byDate([{ date: 'FY2020' }, { date: '2017-04' }]) // 2017-04 first
 */
export function byDate<T extends Pick<Achievement, 'date'>>(achievements: readonly T[]): T[] {
  const parsed = achievements.map((a, index) => ({
    a,
    index,
    date: a.date ? parsePartialDate(a.date) : null,
  }));
  return parsed
    .sort((x, y) => {
      if (x.date && y.date) return comparePartialDates(x.date, y.date) || x.index - y.index;
      if (x.date || y.date) return x.date ? -1 : 1;
      return x.index - y.index;
    })
    .map(({ a }) => a);
}
