/**
 * The achievements table: one row per dated fact recorded against a node, with its evidence. Its columns are the
 * ones the CSV export writes (achievements.csv), so an exported file can be edited and read back.
 */
import { z } from 'zod';
import { boolean, code, date, id, optional, required, text } from './cells.ts';
import { column } from './column.ts';
import { sourceColumnList, sourceFields } from './source-columns.ts';
import type { TableDefinition } from './table-definition.ts';

const c = {
  id: column('id', '実績ID', ['取り組み実績ID'], true, '実績の ID', 'id of the achievement'),
  nodeId: column('nodeId', 'ノードID', ['施策ID'], true, '実績が属するノードの ID', 'id of the node'),
  title: column('title', '実績', ['取り組み実績', '実績名'], true, '実績の題', 'what was achieved'),
  date: column('date', '日付', ['実施日'], false, '日付 (2020-01, FY2019, 2021-autumn …)', 'partial date'),
  dateBasis: column(
    'dateBasis',
    '日付の意味',
    [],
    false,
    'event (その日に起きた) / reported (その日までに報告された)',
    'event: when it happened; reported: known by then',
  ),
  highlight: column('highlight', '注目', [], false, '囲み記事の実績なら true', 'true for a boxed highlight'),
  details: column('details', '詳細', [], false, '箇条書き (1 行に 1 項目)', 'bullet lines, one per line'),
  note: column('note', '備考', ['注記'], false, '備考', 'note'),
};

const lines = (value: string) =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const schema = z.object({
  id: required(c.id, id),
  nodeId: required(c.nodeId, id),
  title: required(c.title, text),
  date: optional(c.date, date),
  dateBasis: optional(
    c.dateBasis,
    code(['event', 'reported'] as const, { 実施日: 'event', 報告日: 'reported' }),
  ),
  highlight: optional(c.highlight, boolean),
  details: optional(c.details, text),
  note: optional(c.note, text),
  ...sourceFields(true),
});

export type AchievementRow = Omit<z.output<typeof schema>, 'details' | 'dateBasis'> & {
  dateBasis: 'event' | 'reported' | null;
  details: string[] | null;
};

const rowSchema: z.ZodType<AchievementRow> = schema.transform((row) => ({
  ...row,
  details: row.details === null ? null : lines(row.details),
})) as unknown as z.ZodType<AchievementRow>;

export const achievementsTable: TableDefinition<AchievementRow> = {
  kind: 'achievements',
  sheetHints: ['achievements', 'achievement', '実績', '取り組み'],
  columns: [...Object.values(c), ...sourceColumnList(true)],
  schema: rowSchema,
  example: {
    id: 'mirai-2016.p1.finance.a01',
    nodeId: 'mirai-2016.p1.finance',
    title: '危機管理課の創設',
    date: '2017-04',
    dateBasis: 'event',
    sourceDocumentId: 'komoro-pride-vol5',
    sourceLine: 90,
    sourceQuote: '危機管理課の創設',
  },
};
