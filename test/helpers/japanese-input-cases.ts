/**
 * Figures and dates as staff type them and as tables print them. The importer's cell readers and the admin
 * forms are tested against this one table, so a form accepts exactly what an import accepts.
 */

/** A figure and the number it stands for; null where both must refuse it. */
export const figureCases: readonly (readonly [text: string, value: number | null])[] = [
  ['4億1,200万円', 412_000_000],
  ['1,007', 1007],
  ['１２３', 123],
  ['▲5', -5],
  ['△1.5', -1.5],
  ['3,536千円', 3_536_000],
  ['約30%', 30],
  ['19.8', 19.8],
  ['23億2107万円余', 2_321_070_000],
  ['十', 10],
  ['abc', null],
  ['12.5.3', null],
  ['1e32', null],
];

/** A date and its canonical partial date; null where both must refuse it. */
export const dateCases: readonly (readonly [text: string, canonical: string | null])[] = [
  ['令和2年度', 'FY2020'],
  ['令和元年度', 'FY2019'],
  ['2019年度', 'FY2019'],
  ['R2.4', '2020-04'],
  ['R2年4月', '2020-04'],
  ['平成28年', '2016'],
  ['平成30年3月31日', '2018-03-31'],
  ['2020/4', '2020-04'],
  ['2020-01-15', '2020-01-15'],
  ['FY2019', 'FY2019'],
  ['あした', null],
];
