/** Problems with a header row: missing, doubled or unknown columns, and wide sheets without periods. */
import { parseYearHeader } from '../../domain/year-header.ts';
import type { DetectedLayout } from './layouts.ts';
import type { SheetGrid } from './sheet-grid.ts';
import { fileError, type TableErrorPlace, type TableRowError } from './table-error.ts';

const notActual = (header: string) => {
  const role = parseYearHeader(header)?.role;
  return role === 'forecast' || role === 'target';
};

/**
 * Every header problem at once, each on the header row and named by the column as the file writes it.
 * @example headerErrors(detected, grid, { file: 'a.csv' }) // [{ row: 1, column: 'memo', messageEn: 'unknown column memo', … }]
 */
export function headerErrors(
  detected: DetectedLayout,
  grid: SheetGrid,
  place: TableErrorPlace,
): TableRowError[] {
  const at = (column: string, messageJa: string, messageEn: string): TableRowError => ({
    ...fileError(place, messageJa, messageEn),
    row: grid.header.row,
    column,
    value: column,
  });
  const { headers, layout } = detected;
  return [
    ...headers.missing.map((col) =>
      at(
        '',
        `必須の列「${col.labelJa}」(${col.name}) がありません`,
        `the required column ${col.name} is missing`,
      ),
    ),
    ...headers.duplicates.map(({ header }) =>
      at(header, `列「${header}」が重複しています`, `column ${header} appears twice`),
    ),
    ...headers.unknown.map(({ header }) =>
      layout.wide && notActual(header)
        ? at(
            header,
            `列「${header}」は見込値または目標値の列です。実績値としては取り込みません`,
            `column ${header} holds forecasts or targets, which are not imported as actual values`,
          )
        : at(
            header,
            layout.wide
              ? `列「${header}」は既知の列でも年度でもありません`
              : `列「${header}」は知らない列です`,
            layout.wide
              ? `column ${header} is neither a known column nor a period`
              : `unknown column ${header}`,
          ),
    ),
    ...(layout.wide && headers.periods.length === 0
      ? [
          at(
            '',
            '年度の列 (H28, 令和元年度, FY2019 …) がありません',
            'no period columns (H28, 令和元年度, FY2019 …)',
          ),
        ]
      : []),
  ];
}
