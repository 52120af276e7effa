/**
 * A source (document and where in it) as one readable cell, for a table that needs more than the row's own source
 * columns: a printed figure of a 事務事業評価 sheet cites its own line. Fields in a fixed order, separated by ` | `,
 * the quote last because it is taken to the end of the cell whatever it holds:
 *
 *   資料: ofunato-jimujigyo-r7 | 行: 84 | 引用: "totalCost": 2817
 *
 * One line, so a spreadsheet row stays one line; a hand-typed cell may also put each field on its own line.
 */
import type { SourceRef } from '../../domain/model.ts';

const labels = {
  documentId: '資料',
  section: '節',
  page: '頁',
  line: '行',
  url: 'URL',
  quote: '引用',
} as const;

/**
 * The cell's text of a source.
 * @example sourceText({ documentId: 'doc', line: 84, quote: '2,817' }) // "資料: doc | 行: 84 | 引用: 2,817"
 */
export function sourceText(ref: SourceRef): string {
  const lines = [`${labels.documentId}: ${ref.documentId}`];
  if (ref.section !== undefined) lines.push(`${labels.section}: ${ref.section}`);
  if (ref.page !== undefined) lines.push(`${labels.page}: ${ref.page}`);
  if (ref.line !== undefined) lines.push(`${labels.line}: ${ref.line}`);
  if (ref.url !== undefined) lines.push(`${labels.url}: ${ref.url}`);
  if (ref.quote !== undefined) lines.push(`${labels.quote}: ${ref.quote}`);
  return lines.join(' | ');
}

export type SourceTextResult = { ok: true; ref: SourceRef } | { ok: false; ja: string; en: string };

const fieldOf = new Map<string, keyof typeof labels>(
  Object.entries(labels).flatMap(([field, label]) => [
    [label, field as keyof typeof labels],
    [field, field as keyof typeof labels],
  ]),
);

const positive = (text: string) => (/^[1-9][0-9]*$/.test(text) ? Number(text) : null);

/**
 * The source a cell gives, as `sourceText` writes it (labels in Japanese or as field names, `:` or `：`).
 * @example parseSourceText('資料: doc | 行: 84') // { ok: true, ref: { documentId: 'doc', line: 84 } }
 */
export function parseSourceText(text: string): SourceTextResult {
  const normalized = text.replace(/\r\n?/g, '\n');
  // The quote runs to the end of the cell: split only what comes before it, at a bar before a label and a colon.
  const at = /(^|\s*[|｜\n]\s*)(引用|quote)\s*[:：]/.exec(normalized);
  const head = at ? normalized.slice(0, at.index) : normalized;
  const lines = [
    ...head.split(/\s*[|｜]\s*(?=[^|｜\n:：]{1,20}[:：])|\n/),
    ...(at ? [normalized.slice(at.index + (at[1] ?? '').length)] : []),
  ];
  const ref: Partial<SourceRef> = {};
  for (const line of lines) {
    if (line.trim() === '') continue;
    const m = /^\s*([^:：]+?)\s*[:：] ?([\s\S]*)$/.exec(line);
    const field = m ? fieldOf.get(m[1] as string) : undefined;
    if (!m || field === undefined)
      return {
        ok: false,
        ja: `「${line.trim()}」が読めません。「資料: 資料ID | 行: 84 | 引用: 原文」のように書きます`,
        en: `cannot read "${line.trim()}": write e.g. "資料: document-id | 行: 84 | 引用: the words"`,
      };
    const value = m[2] as string;
    if (field === 'quote') {
      // The last part: the rest of the cell, its own line breaks and bars kept.
      ref.quote = value;
      break;
    }
    if (field === 'line' || field === 'page') {
      const number = positive(value.trim());
      if (number === null)
        return {
          ok: false,
          ja: `「${labels[field]}」は1以上の整数です（${value.trim()}）`,
          en: `${field} must be a positive whole number (${value.trim()})`,
        };
      ref[field] = number;
    } else ref[field] = value.trim();
  }
  if (ref.documentId === undefined || ref.documentId === '')
    return { ok: false, ja: '「資料: 資料ID」がありません', en: 'no "資料: document-id" line' };
  return { ok: true, ref: ref as SourceRef };
}
