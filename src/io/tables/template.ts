/**
 * Downloadable XLSX templates: the header row our reader expects (format in = format out), one example row
 * from the Komoro demo marked 例 in the first column (the importer skips it), and a 説明 sheet on every column,
 * the accepted forms, and the limits.
 */
import type { Workbook } from 'exceljs';
import { achievementsTable } from './achievements-table.ts';
import type { ColumnSpec } from './column.ts';
import { evaluationsTable } from './evaluations-table.ts';
import { exampleColumnHeader } from './example-rows.ts';
import { indicatorValuesTable } from './indicator-values-table.ts';
import { indicatorsTable } from './indicators-table.ts';
import { wideObservationsLayout } from './layouts.ts';
import { defaultTableLimits, formatMegabytes } from './limits.ts';
import { nodesTable } from './nodes-table.ts';
import { programSheetsTable, programSheetsTableFor } from './program-sheets-table.ts';
import type { TableCell } from './sheet-grid.ts';
import type { TableDefinition, TableKind } from './table-definition.ts';

/**
 * The tables, plus observations (実績値 only) laid out one column per 年度 as in 行政評価 sheets, and the
 * 事務事業評価 table with a column group per 年度 (決算(R4), 決算(R5) …).
 */
export type TemplateKind = TableKind | 'observationsWide' | 'programSheetsWide';

export const instructionsSheetName = '説明 (Instructions)';

interface Template {
  sheetName: string;
  columns: readonly ColumnSpec[];
  example: Record<string, TableCell>;
}

const fromTable = (table: TableDefinition<unknown>, sheetName: string): Template => ({
  sheetName,
  columns: table.columns,
  example: table.example,
});

// The wide layout's own columns, in the long table's order.
const wideColumns = indicatorValuesTable.columns.filter((c) =>
  wideObservationsLayout.columns.some((w) => w.name === c.name),
);

// 税金滞納に関する差押件数 (seed 1, line 99) is printed as a 年度 series: H28:102件 → H30:140件.
const wideTemplate: Template = {
  sheetName: 'observations',
  columns: [
    ...wideColumns,
    {
      name: 'H28',
      labelJa: '平成28年度',
      aliases: [],
      required: false,
      descriptionJa: '年度の列: 見出しが年度 (H28, 平成28年度, 令和元年度, 2019年度, FY2019)。空欄は値なし',
      descriptionEn: 'a period column: the header is the period; empty cells are skipped',
    },
    {
      name: 'H30',
      labelJa: '平成30年度',
      aliases: [],
      required: false,
      descriptionJa: '同上',
      descriptionEn: 'as above',
    },
  ],
  example: {
    indicatorId: 'mirai-2016.i.seizure-count',
    unit: '件',
    sourceDocumentId: 'komoro-pride-vol5',
    sourceSection: '1.市役所の改革と健全財政 「しせいを正す」 <主な取り組み実績>',
    sourceLine: 99,
    sourceQuote: 'H28:102件3,536千円→H30:140件5,533千円',
    H28: '102件',
    H30: '140件',
  },
};

const yearColumn = (header: string, labelJa: string): ColumnSpec => ({
  name: header,
  labelJa,
  aliases: [],
  required: false,
  descriptionJa: '見出しの項目と年度 (決算(R4), 令和4年度決算, 当初予算_2023年度)。（千円）とあれば千円単位',
  descriptionEn: 'the column and its fiscal year in the header; (千円) means thousands of yen',
});

const sheetColumn = (name: string) => programSheetsTable.columns.find((c) => c.name === name)!;

// The year groups a city's own sheet prints side by side; any column of the long table may be tagged so.
const programSheetsWideTemplate: Template = {
  sheetName: '事務事業評価',
  columns: [
    ...['nodeId', 'programCode', 'programTitle'].map(sheetColumn),
    yearColumn('当初予算(千円)(R4)', '令和4年度 当初予算'),
    yearColumn('決算(千円)(R4)', '令和4年度 決算'),
    yearColumn('当初予算(千円)(R5)', '令和5年度 当初予算'),
    yearColumn('決算(千円)(R5)', '令和5年度 決算'),
    yearColumn('今後の方向性(R5)', '令和5年度 今後の方向性'),
    ...programSheetsTable.columns.filter((c) => c.name.startsWith('source')),
  ],
  example: {
    programTitle: '（記入例）事業名',
    '当初予算(千円)(R4)': '12,345',
    '決算(千円)(R4)': '11,800',
    '当初予算(千円)(R5)': '12,000',
    '決算(千円)(R5)': '11,950',
    '今後の方向性(R5)': '継続',
    sourceDocumentId: 'hirakata-shiwake-taio',
  },
};

const templates: Record<TemplateKind, Template> = {
  nodes: fromTable(nodesTable as TableDefinition<unknown>, 'nodes'),
  indicators: fromTable(indicatorsTable as TableDefinition<unknown>, 'indicators'),
  indicatorValues: fromTable(indicatorValuesTable as TableDefinition<unknown>, 'indicator-values'),
  observationsWide: wideTemplate,
  achievements: fromTable(achievementsTable as TableDefinition<unknown>, 'achievements'),
  programSheets: fromTable(programSheetsTable as TableDefinition<unknown>, '事務事業評価'),
  programSheetsWide: programSheetsWideTemplate,
  evaluations: fromTable(evaluationsTable as TableDefinition<unknown>, 'evaluations'),
};

/** The first column: 例 marks the example row, which is never imported; leave it blank in your own rows. */
const exampleColumn: ColumnSpec = {
  name: exampleColumnHeader,
  labelJa: '例',
  aliases: [],
  required: false,
  descriptionJa:
    '「例」と書いた行は記入例で、取り込みません。自分で書く行は空欄のままにしてください (列ごと消しても構いません)',
  descriptionEn:
    'a row marked 例 is an example and is never imported; leave it blank in your own rows (or delete the column)',
};

const generalNotes: [string, string][] = [
  [
    '1行目は列名です。列名は英語のコード名 (例: indicatorId) か日本語 (例: 指標ID) で書けます。',
    'Row 1 holds column names: code names (indicatorId) or Japanese (指標ID).',
  ],
  [
    '列の順番は自由です。空欄の行は読み飛ばします。',
    'Columns may come in any order; blank rows are skipped.',
  ],
  [
    '日付: 2020-01-15, 2020-01, 2021-autumn, FY2019, 2019, <2016-04 (就任前), 令和元年度, 平成28年度, H28, R2.1.15, 2016.2.12 など。H28 のような元号の年だけの書き方は年度です。2019 だけなら暦年です。',
    'Dates: 2020-01-15, 2020-01, 2021-autumn, FY2019, 2019, <2016-04, 令和元年度, H28, R2.1.15 … A bare era year (H28) is a fiscal year; a bare 2019 is a calendar year.',
  ],
  [
    '数値: 3億4300万, 3,536千円, 約3200時間, 19.8%, ▲1,200, 25位 など印刷されたとおりに書けます。',
    'Numbers as printed: 3億4300万, 3,536千円, 約3200時間, 19.8%, ▲1,200, 25位 …',
  ],
  [
    'CSV は UTF-8、BOM 付き UTF-8、Shift_JIS のどれでも読めます。',
    'CSV may be UTF-8, UTF-8 with BOM, or Shift_JIS.',
  ],
  [
    `上限: ファイル ${formatMegabytes(defaultTableLimits.maxFileBytes)}、${defaultTableLimits.maxRows.toLocaleString('ja-JP')} 行。`,
    `Limits: ${formatMegabytes(defaultTableLimits.maxFileBytes)} per file, ${defaultTableLimits.maxRows.toLocaleString('en-US')} rows.`,
  ],
];

function addInstructions(workbook: Workbook, template: Template): void {
  const sheet = workbook.addWorksheet(instructionsSheetName);
  sheet.columns = [{ width: 22 }, { width: 16 }, { width: 10 }, { width: 60 }, { width: 60 }];
  sheet.addRow(['列名 (column)', '日本語の列名', '必須 (required)', '説明', 'Description']).font = {
    bold: true,
  };
  for (const col of [exampleColumn, ...template.columns]) {
    sheet.addRow([col.name, col.labelJa, col.required ? '必須' : '', col.descriptionJa, col.descriptionEn]);
  }
  sheet.addRow([]);
  for (const [ja, en] of generalNotes) sheet.addRow(['', '', '', ja, en]);
}

/**
 * An XLSX template for one table, ready to fill in and import.
 * @example await buildTemplateWorkbook('indicatorValues') // Buffer of an .xlsx with sheets indicator-values and 説明
 */
/**
 * The template of a kind; the 事務事業評価 table's with the organization's own 観点 labels when given (their grade
 * and comment columns are headed by the labels, as the import reads them).
 */
function templateOf(kind: TemplateKind, viewpointLabels?: readonly string[]): Template {
  if (kind !== 'programSheets' || viewpointLabels === undefined) return templates[kind];
  const template = fromTable(
    programSheetsTableFor(viewpointLabels) as TableDefinition<unknown>,
    '事務事業評価',
  );
  // Headed by the words themselves (社会的必要性, 社会的必要性の所見), which the import reads as those columns.
  const headed = template.columns.map((col) =>
    /^viewpoint\d+(Grade|Comment)$/.test(col.name) ? { ...col, name: col.labelJa } : col,
  );
  return { ...template, columns: headed };
}

export async function buildTemplateWorkbook(
  kind: TemplateKind,
  viewpointLabels?: readonly string[],
): Promise<Buffer> {
  const template = templateOf(kind, viewpointLabels);
  // Loaded on demand, like the reader's: the table reader's modules load this one, and CSV imports never need it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(template.sheetName);
  const columns = [exampleColumn, ...template.columns];
  sheet.columns = columns.map((col) => ({
    header: col.name,
    key: col.name,
    width: Math.max(12, col.name.length + 4),
  }));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((col, i) => {
    sheet
      .getRow(1)
      .getCell(i + 1).note = `${col.labelJa}${col.required ? ' (必須)' : ''}: ${col.descriptionJa}`;
  });
  // Marked as an example: the importer skips it, so the template uploaded unchanged changes nothing.
  sheet.addRow({ ...template.example, [exampleColumnHeader]: '例' });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  addInstructions(workbook, template);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const csvCell = (cell: TableCell | undefined): string => {
  const text = cell === undefined ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * The same template as a CSV (UTF-8 with BOM, so a spreadsheet opens it as UTF-8): the header row and the example
 * row marked 例. The column help is in the XLSX's 説明 sheet and in docs/.
 * @example new TextDecoder().decode(buildTemplateCsv('programSheets')).split('\r\n')[0] // '\ufeff例 (example),id,nodeId,…'
 */
export function buildTemplateCsv(kind: TemplateKind, viewpointLabels?: readonly string[]): Uint8Array {
  const template = templateOf(kind, viewpointLabels);
  const names = [exampleColumn.name, ...template.columns.map((col) => col.name)];
  const example: Record<string, TableCell> = { ...template.example, [exampleColumnHeader]: '例' };
  const lines = [names.map(csvCell).join(','), names.map((name) => csvCell(example[name])).join(',')];
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}
