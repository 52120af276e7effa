/**
 * The indicator values table (指標の値) in long form: one row per value of an indicator, its `role` saying whether it
 * is the baseline (基準値), the target (目標値) or an observation (実績値, the default). Exported as indicator-values.csv
 * (observations.csv before 2026-12): the table is told by its header row, so either file name reads the same.
 */
import { z } from 'zod';
import { fiscalYearOfDate } from '../../domain/fiscal-year.ts';
import { valueQualifiers } from '../../domain/model.ts';
import { code, date, figure, id, number, optional, positiveInt, required, text } from './cells.ts';
import { column } from './column.ts';
import { fastObservation } from './observation-fast-path.ts';
import { sourceColumnList, sourceFields } from './source-columns.ts';
import type { TableDefinition } from './table-definition.ts';

export const valueTableColumns = {
  indicatorId: column('indicatorId', '指標ID', [], true, '指標の ID', 'id of the indicator'),
  date: column(
    'date',
    '日付',
    ['年度', '時点', '年月'],
    true,
    '値の時点: 2020-01-15, 2020-01, FY2019, 令和元年度, H28 …',
    'when the value holds',
  ),
  value: column(
    'value',
    '値',
    ['実績値', '数値'],
    true,
    '印刷されたとおりの値: 3億4300万, 19.8%, 約3200時間 …',
    'the value as printed',
  ),
  unit: column(
    'unit',
    '単位',
    [],
    false,
    '単位。空欄なら値の単位か指標の単位',
    'unit; empty means the value’s or the indicator’s',
  ),
  qualifier: column(
    'qualifier',
    '概数',
    ['修飾'],
    false,
    'about (約) / over (余) / at_least (以上) / under (未満) / more_than (超)',
    'how exact the value is',
  ),
  outOf: column('outOf', '母数', ['全体数'], false, '「68区中61区」の 68', 'the whole of a count: 61 of 68'),
  rankOf: column(
    'rankOf',
    '順位の母数',
    ['対象数'],
    false,
    '「812市区中25位」の 812',
    'the field of a rank: 25th of 812',
  ),
  note: column('note', '備考', ['注記'], false, '備考', 'note'),
  // The export's further columns, so an exported file reads back unchanged (format in = format out).
  role: column(
    'role',
    '値の種類',
    ['種別'],
    false,
    'baseline (基準値) / target (目標値) / observation (実績値)。空欄なら実績値',
    'baseline, target or observation; empty means observation',
  ),
  text: column(
    'text',
    '表記',
    [],
    false,
    '印刷された値の表記。空欄なら「値」のとおり',
    'the value as printed',
  ),
  nodeId: column(
    'nodeId',
    'ノードID',
    [],
    false,
    '指標が属するノード。指標と照合します',
    'node of the indicator, checked',
  ),
  fiscalYear: column(
    'fiscalYear',
    '年度 (数値)',
    [],
    false,
    '日付の年度。日付と照合します',
    'fiscal year of the date, checked',
  ),
  indicatorName: column(
    'indicatorName',
    '指標名',
    ['成果指標', '数値目標項目', '目標項目'],
    false,
    '読み込み時は無視します',
    'ignored on import',
  ),
};

const qualifierWords = { 約: 'about', 余: 'over', 以上: 'at_least', 未満: 'under', 超: 'more_than' } as const;

const valueRoles = ['baseline', 'target', 'observation'] as const;
const roleWords = { 基準値: 'baseline', 目標値: 'target', 実績値: 'observation' } as const;

const c = valueTableColumns;

type Issues = { issues: unknown[] };
const issue = (ctx: Issues, path: string, input: unknown, message: string) =>
  ctx.issues.push({ code: 'custom', path: [path], input, message });

/** A baseline or target may be undated; an observation is a value at a date. The derived 年度 must agree. */
function checkDate(
  row: { role: string; date: string | null; fiscalYear: number | null },
  ctx: Issues,
): boolean {
  if (row.date === null) {
    if (row.role !== 'observation') return true;
    issue(ctx, 'date', '', `「${c.date.labelJa}」は必須です (date is required)`);
    return false;
  }
  const fiscalYear = fiscalYearOfDate(row.date);
  if (row.fiscalYear === null || fiscalYear === null || row.fiscalYear === fiscalYear) return true;
  issue(
    ctx,
    'fiscalYear',
    String(row.fiscalYear),
    `「年度」${row.fiscalYear} が日付 ${row.date} の年度 ${fiscalYear} と違います (fiscalYear ${row.fiscalYear} does not match the date's ${fiscalYear})`,
  );
  return false;
}
const fields = {
  indicatorId: required(c.indicatorId, id),
  role: optional(c.role, code(valueRoles, roleWords), 'observation'),
  date: optional(c.date, date),
  value: required(c.value, figure),
  unit: optional(c.unit, text),
  qualifier: optional(c.qualifier, code(valueQualifiers, qualifierWords)),
  outOf: optional(c.outOf, number),
  rankOf: optional(c.rankOf, positiveInt),
  note: optional(c.note, text),
  text: optional(c.text, text),
  nodeId: optional(c.nodeId, id),
  fiscalYear: optional(c.fiscalYear, positiveInt),
  indicatorName: optional(c.indicatorName, text),
  ...sourceFields(true),
};

/** The row's value split into number and printed text; the unit and qualifier a cell spells out fill the gaps. */
const schema = z.object(fields).transform((row, ctx) => {
  const figure = row.value;
  if (row.unit !== null && figure.unit !== null && figure.unit !== row.unit) {
    ctx.issues.push({
      code: 'custom',
      path: ['value'],
      input: figure.text,
      message: `値の単位「${figure.unit}」が「単位」列の「${row.unit}」と違います (the value's unit ${figure.unit} differs from the unit column ${row.unit})`,
    });
    return z.NEVER;
  }
  if (!checkDate(row, ctx)) return z.NEVER;
  // A literal of fixed shape rather than a spread: 100,000 rows of it take a third of the memory.
  return {
    indicatorId: row.indicatorId,
    role: row.role,
    nodeId: row.nodeId,
    date: row.date,
    value: figure.value,
    text: row.text ?? figure.text,
    unit: row.unit ?? figure.unit,
    qualifier: row.qualifier ?? figure.qualifier,
    outOf: row.outOf,
    rankOf: row.rankOf,
    note: row.note,
    sourceDocumentId: row.sourceDocumentId,
    sourceSection: row.sourceSection,
    sourceLine: row.sourceLine,
    sourcePage: row.sourcePage,
    sourceQuote: row.sourceQuote,
  };
});

export type IndicatorValueTableRow = z.output<typeof schema>;

export const indicatorValuesTable: TableDefinition<IndicatorValueTableRow> = {
  kind: 'indicatorValues',
  sheetHints: [
    'indicator-values',
    'indicatorvalues',
    '指標の値',
    'observations',
    'observation',
    '実績値',
    '実績',
  ],
  columns: [...Object.values(valueTableColumns), ...sourceColumnList(true)],
  schema,
  fastParse: fastObservation,
  example: {
    indicatorId: 'mirai-2016.i.furusato-nozei',
    date: '2020-01',
    value: '3億4300万',
    unit: '円',
    sourceDocumentId: 'komoro-pride-vol5',
    sourceSection: '1.市役所の改革と健全財政 「しせいを正す」',
    sourceLine: 89,
    sourceQuote: '1月現在/3億4300万',
  },
};
