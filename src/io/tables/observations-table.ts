/** The observations table in long form: one row per value (実績値) of an indicator. */
import { z } from 'zod';
import { valueQualifiers } from '../../domain/model.ts';
import { code, date, figure, id, number, optional, positiveInt, required, text } from './cells.ts';
import { column } from './column.ts';
import { sourceColumnList, sourceFields } from './source-columns.ts';
import type { TableDefinition } from './table-definition.ts';

export const observationColumns = {
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
};

const qualifierWords = { 約: 'about', 余: 'over', 以上: 'at_least', 未満: 'under', 超: 'more_than' } as const;

const c = observationColumns;
const fields = {
  indicatorId: required(c.indicatorId, id),
  date: required(c.date, date),
  value: required(c.value, figure),
  unit: optional(c.unit, text),
  qualifier: optional(c.qualifier, code(valueQualifiers, qualifierWords)),
  outOf: optional(c.outOf, number),
  rankOf: optional(c.rankOf, positiveInt),
  note: optional(c.note, text),
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
  // A literal of fixed shape rather than a spread: 100,000 rows of it take a third of the memory.
  return {
    indicatorId: row.indicatorId,
    date: row.date,
    value: figure.value,
    text: figure.text,
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

export type ObservationRow = z.output<typeof schema>;

export const observationsTable: TableDefinition<ObservationRow> = {
  kind: 'observations',
  sheetHints: ['observations', 'observation', '実績値', '実績'],
  columns: [...Object.values(observationColumns), ...sourceColumnList(true)],
  schema,
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
