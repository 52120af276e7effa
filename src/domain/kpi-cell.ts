/**
 * One cell of a KPI table as towns publish it: a figure with its unit inside (「1,007人」, 「2.77点」), a mark for
 * no value (「なし」, 「-」), a word (「設置」, 「策定」) where the indicator is an event rather than a count, or
 * labelled figures (「H27年度現在 127件 H31年度予測 144件」). No value is never zero.
 */
import { normalizeFigureText, type ParsedNumber, parseJapaneseNumber } from './japanese-number.ts';
import { parseYearHeader, type YearHeader } from './year-header.ts';

export interface LabelledFigure {
  /** The words before the figure, as printed: 「H27年度現在」, 「過去5年間実績」. */
  label: string;
  /** The year the label names, when it names one. */
  year: YearHeader | null;
  figure: ParsedNumber;
}

export type KpiCell =
  | { kind: 'none'; text: string }
  | { kind: 'figure'; figure: ParsedNumber }
  | { kind: 'labelled'; parts: LabelledFigure[] }
  | { kind: 'word'; text: string }
  | { kind: 'unreadable'; text: string };

// Marks printed where a table has nothing: blank, なし, 無し, ハイフンやダッシュ, ー, ／, 該当なし.
const noValue = /^(?:|なし|無し|該当なし|-|－|―|—|–|ー|‐|\/|／|…)$/u;
const hasDigit = /[0-9〇一二三四五六七八九十百千万億]/u;

/** 「H27年度現在 127件 H31年度予測 144件」 as label–figure pairs; null when the text is not such pairs. */
function labelledFigures(text: string): LabelledFigure[] | null {
  const tokens = text.trim().split(/[\s\u3000]+/u);
  if (tokens.length < 2 || tokens.length % 2 !== 0) return null;
  const parts: LabelledFigure[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const label = tokens[i] ?? '';
    const figure = parseJapaneseNumber(tokens[i + 1] ?? '');
    if (!figure || label === '' || parseJapaneseNumber(label)) return null;
    parts.push({ label, year: parseYearHeader(label), figure });
  }
  return parts;
}

/**
 * Reads one published KPI cell; a spreadsheet number is a figure without a unit.
 * @example readKpiCell('1,007人') // { kind: 'figure', figure: { value: 1007, unit: '人', … } }
 * @example readKpiCell('なし') // { kind: 'none', text: 'なし' }
 */
export function readKpiCell(cell: string | number): KpiCell {
  if (typeof cell === 'number')
    return { kind: 'figure', figure: { value: cell, unit: null, qualifier: null, text: String(cell) } };
  const text = cell.trim();
  if (noValue.test(normalizeFigureText(text))) return { kind: 'none', text };
  const figure = parseJapaneseNumber(text);
  if (figure && Number.isFinite(figure.value)) return { kind: 'figure', figure };
  const parts = labelledFigures(text);
  if (parts) return { kind: 'labelled', parts };
  return hasDigit.test(normalizeFigureText(text)) ? { kind: 'unreadable', text } : { kind: 'word', text };
}

export type UnitChoice =
  | { ok: true; unit: string | null }
  | { ok: false; cellUnit: string; columnUnit: string };

/**
 * The unit of a value: a 単位 column wins, a cell's own unit fills in, none means a dimensionless number.
 * A cell whose unit differs from the column's is refused rather than silently relabelled.
 * @example chooseUnit('人', null) // { ok: true, unit: '人' }
 */
export function chooseUnit(cellUnit: string | null, columnUnit: string | null): UnitChoice {
  const column = columnUnit === null || columnUnit.trim() === '' ? null : columnUnit.trim();
  if (column !== null && cellUnit !== null && cellUnit !== column)
    return { ok: false, cellUnit, columnUnit: column };
  return { ok: true, unit: column ?? cellUnit };
}
