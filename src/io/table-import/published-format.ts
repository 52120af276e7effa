/** Plain-text lines for a table in the published shape: each column with its guess, the question, the notes. */

import { formatRowError } from './format-report.ts';
import type { PublishedImportSummary } from './published-summary.ts';

const targetWords: Record<string, string> = {
  name: '指標名 (name)',
  id: '指標ID (id)',
  node: 'ノードの名前かコード (node)',
  nodeCode: 'ノードのコード (nodeCode)',
  unit: '単位 (unit)',
  direction: '方向 (direction)',
  source: '出典 (source)',
  baselineYear: '基準年 (baselineYear)',
  targetYear: '目標年 (targetYear)',
  category: '区分: 取り込みません (category: not imported)',
  progress: '進捗状況: 取り込みません (progress: not imported)',
  note: '備考: 取り込みません (note: not imported)',
  baseline: '基準値 (baseline)',
  target: '目標値 (target)',
  actual: '実績 (actual)',
  forecast: '見込: 取り込みません (forecast: not imported)',
  ignore: '無視 (ignored)',
  unknown: '不明: 対応づけてください (unknown: map it)',
};

/** What a column's target says, e.g. `実績 (actual) 2001` for `actual:2001`. */
export function describeTarget(target: string): string {
  const [head = '', year] = target.split(/:(.*)/su);
  const words = targetWords[head] ?? target;
  return year === undefined || year === '' ? words : `${words} ${year}`;
}

/** The dry run's lines before the rows: columns, the year-kind question, notes, the file's document. */
export function formatPublishedSummary(summary: PublishedImportSummary): string[] {
  const columns = summary.columns.map(
    (c) =>
      `列 ${c.sheet === undefined ? '' : `${c.sheet}!`}${c.letter}「${c.header}」→ ${describeTarget(c.target)}${c.ambiguous ? ' ※年か年度か未回答 (year kind not answered)' : ''}`,
  );
  const yearKind =
    summary.mapping.yearKind === null
      ? []
      : [
          `「H25」のような見出しは${summary.mapping.yearKind === 'fiscal' ? '年度' : '年 (暦年)'}として読みます (bare year headers read as ${summary.mapping.yearKind} years)`,
        ];
  const document =
    summary.document === null
      ? []
      : [
          `出典 (source): ${summary.document.title} → 資料 ${summary.document.id}${summary.document.created ? ' を登録 (registered)' : ' (登録済み, already registered)'} SHA-256 ${summary.document.sha256}`,
        ];
  return [
    '公表形式の KPI 表 (a KPI table in the published shape):',
    ...columns,
    ...yearKind,
    ...summary.notes.map(formatRowError),
    ...document,
  ];
}
