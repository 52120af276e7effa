/** The five layouts a sheet may hold, and how to tell them apart from the header row and the sheet's name. */
import { achievementsTable } from './achievements-table.ts';
import type { ColumnSpec } from './column.ts';
import { evaluationsTable } from './evaluations-table.ts';
import { type HeaderMap, mapHeaders } from './header-map.ts';
import { indicatorValuesTable, valueTableColumns } from './indicator-values-table.ts';
import { indicatorsTable } from './indicators-table.ts';
import { nodesTable } from './nodes-table.ts';
import { programSheetsTable, programSheetsTableFor } from './program-sheets-table.ts';
import type { TableCell } from './sheet-grid.ts';
import { sourceColumnList } from './source-columns.ts';
import type { TableDefinition, TableKind } from './table-definition.ts';

export interface Layout {
  kind: TableKind;
  /** Observations with one column per period (行政評価 sheets). */
  wide: boolean;
  columns: readonly ColumnSpec[];
  sheetHints: readonly string[];
  /** The table its rows are read with (a 事務事業評価 table's own 観点 columns); absent: the kind's. */
  table?: TableDefinition<unknown>;
}

const fromTable = (table: TableDefinition<unknown>): Layout => ({
  kind: table.kind,
  wide: false,
  columns: table.columns,
  sheetHints: table.sheetHints,
  table,
});

const { indicatorId, indicatorName, unit, qualifier, note } = valueTableColumns;

/**
 * Wide observations carry the long form's per-row columns, the indicator's name among them (read, then ignored, as
 * published tables print it beside the id); date and value come from each period column.
 */
export const wideObservationsLayout: Layout = {
  kind: 'indicatorValues',
  wide: true,
  columns: [indicatorId, indicatorName, unit, qualifier, note, ...sourceColumnList(true)],
  sheetHints: indicatorValuesTable.sheetHints,
};

export const layouts: readonly Layout[] = [
  fromTable(indicatorValuesTable as TableDefinition<unknown>),
  wideObservationsLayout,
  fromTable(indicatorsTable as TableDefinition<unknown>),
  fromTable(nodesTable as TableDefinition<unknown>),
  fromTable(achievementsTable as TableDefinition<unknown>),
  fromTable(programSheetsTable as TableDefinition<unknown>),
  fromTable(evaluationsTable as TableDefinition<unknown>),
];

/** The layouts, the 事務事業評価 one reading the given 観点 labels (the glossary's when none are given). */
export function layoutsFor(viewpointLabels: readonly string[] | undefined): readonly Layout[] {
  if (viewpointLabels === undefined) return layouts;
  const sheets = fromTable(programSheetsTableFor(viewpointLabels) as TableDefinition<unknown>);
  return layouts.map((layout) => (layout.kind === 'programSheets' ? sheets : layout));
}

export interface DetectedLayout {
  layout: Layout;
  headers: HeaderMap;
  /** False when even the best guess lacks required columns: the caller reports them. */
  complete: boolean;
}

const hinted = (layout: Layout, sheet: string | undefined) =>
  sheet !== undefined &&
  layout.sheetHints.some((hint) => sheet.normalize('NFKC').toLowerCase().includes(hint));

/**
 * The layout whose required columns are all present with the fewest unknown headers; the sheet name breaks ties.
 * @example detectLayout(['indicatorId', 'H28', 'H30', 'sourceDocumentId'], undefined).layout.wide // true
 */
export function detectLayout(
  header: readonly TableCell[],
  sheet: string | undefined,
  only?: TableKind,
  viewpointLabels?: readonly string[],
): DetectedLayout | null {
  const scored = layoutsFor(viewpointLabels)
    .filter((layout) => only === undefined || layout.kind === only)
    .map((layout) => {
      const headers = mapHeaders(header, layout.columns, layout.wide);
      const matched = headers.names.filter((n) => n !== null).length;
      const complete = headers.missing.length === 0 && (!layout.wide || headers.periods.length > 0);
      return { layout, headers, complete, matched, hint: hinted(layout, sheet) };
    });
  const order = (a: (typeof scored)[number], b: (typeof scored)[number]) =>
    Number(b.complete) - Number(a.complete) ||
    (a.complete ? a.headers.unknown.length - b.headers.unknown.length : 0) ||
    Number(b.hint) - Number(a.hint) ||
    b.matched - a.matched;
  const best = scored.sort(order)[0];
  if (!best || (!best.complete && best.matched === 0 && !best.hint)) return null;
  return { layout: best.layout, headers: best.headers, complete: best.complete };
}
