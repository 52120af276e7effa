import { memoize } from '../../domain/memo.ts';
import { hasNul, textLimits } from '../../domain/text-limits.ts';
import { parseDateText, parseFigureText, recordIdText } from './cells.ts';
import type { TableCell } from './sheet-grid.ts';

// Columns whose filled cells need the schema's converters or checks.
const schemaOnly = ['role', 'qualifier', 'outOf', 'rankOf', 'nodeId', 'fiscalYear', 'sourcePage'] as const;
// Text columns: one longer than the short limit, or holding NUL, goes to the schema, which refuses it or knows
// the column's own limit.
const textColumns = ['text', 'unit', 'note', 'sourceSection', 'sourceQuote'] as const;
const unusualCell = (cell: TableCell | undefined) =>
  typeof cell === 'string' && (cell.length > textLimits.short || hasNul(cell));

const textOrNull = (cell: TableCell | undefined): string | null =>
  cell === undefined || cell === '' ? null : typeof cell === 'number' ? String(cell) : cell.trim();

// A source's words repeat on every row citing them: one string each, so rows citing the same words compare fast.
const sharedText = memoize((text: string) => text);
const sourceTextOrNull = (cell: TableCell | undefined): string | null => {
  const text = textOrNull(cell);
  return text === null ? null : sharedText(text);
};

const lineOf = (cell: TableCell | undefined): number | null | undefined => {
  if (cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 1 ? cell : undefined;
  return /^[1-9][0-9]{0,8}$/.test(cell) ? Number(cell) : undefined;
};

const idOf = (cell: TableCell | undefined): string | undefined =>
  typeof cell === 'string' && cell !== '' ? (recordIdText(cell) ?? undefined) : undefined;

/**
 * The row the observations schema would give, or undefined when the schema must decide.
 * @example fastObservation({ indicatorId: 'i.a', date: 'H28', value: '102件', sourceDocumentId: 'd', … })?.date // 'FY2016'
 */
export function fastObservation(r: Readonly<Record<string, TableCell>>) {
  for (const name of schemaOnly) if (r[name] !== undefined && r[name] !== '') return undefined;
  for (const name of textColumns) if (unusualCell(r[name])) return undefined;
  const indicatorId = idOf(r.indicatorId);
  const sourceDocumentId = idOf(r.sourceDocumentId);
  const dateCell = r.date;
  const valueCell = r.value;
  if (indicatorId === undefined || sourceDocumentId === undefined) return undefined;
  if (typeof dateCell !== 'string' || typeof valueCell !== 'string' || dateCell === '') return undefined;
  const date = parseDateText(dateCell.trim());
  const figure = valueCell === '' ? null : parseFigureText(valueCell.trim());
  const sourceLine = lineOf(r.sourceLine);
  if (date === null || figure === null || sourceLine === undefined) return undefined;
  const unit = textOrNull(r.unit);
  if (unit !== null && figure.unit !== null && figure.unit !== unit) return undefined;
  return {
    indicatorId,
    role: 'observation' as const,
    nodeId: null,
    date,
    value: figure.value,
    text: textOrNull(r.text) ?? figure.text,
    unit: unit ?? figure.unit,
    qualifier: figure.qualifier,
    outOf: null,
    rankOf: null,
    note: textOrNull(r.note),
    sourceDocumentId,
    sourceSection: sourceTextOrNull(r.sourceSection),
    sourceLine,
    sourcePage: null,
    sourceQuote: sourceTextOrNull(r.sourceQuote),
  };
}
