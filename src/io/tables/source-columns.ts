/** The source columns every table shares: which document, and where in it, a row's facts are printed. */
import type { z } from 'zod';
import { id, optional, positiveInt, required, text } from './cells.ts';
import { type ColumnSpec, column } from './column.ts';

export const sourceColumns = {
  sourceDocumentId: column(
    'sourceDocumentId',
    '出典',
    ['出典ID', '資料ID', '出典資料ID'],
    false,
    '根拠となる資料の ID (例: komoro-pride-vol5)',
    'id of the source document (e.g. komoro-pride-vol5)',
  ),
  sourceSection: column(
    'sourceSection',
    '出典の節',
    ['節', '見出し'],
    false,
    '資料の中の見出し',
    'section of the document',
  ),
  sourceLine: column(
    'sourceLine',
    '出典の行',
    ['行', '行番号'],
    false,
    '資料テキストの行番号 (1から)',
    '1-based line in the document text',
  ),
  sourcePage: column(
    'sourcePage',
    '出典の頁',
    ['頁', 'ページ'],
    false,
    '資料のページ',
    'page of the document',
  ),
  sourceQuote: column(
    'sourceQuote',
    '引用',
    ['出典の文言', '原文'],
    false,
    '資料に印刷された文言そのまま',
    'the words exactly as printed',
  ),
} satisfies Record<string, ColumnSpec>;

/** Row fields for the source columns; sourceDocumentId is required where a table holds numbers. */
export function sourceFields(documentRequired: boolean) {
  const c = sourceColumns;
  return {
    sourceDocumentId: documentRequired ? required(c.sourceDocumentId, id) : optional(c.sourceDocumentId, id),
    sourceSection: optional(c.sourceSection, text),
    sourceLine: optional(c.sourceLine, positiveInt),
    sourcePage: optional(c.sourcePage, positiveInt),
    sourceQuote: optional(c.sourceQuote, text),
  };
}

export const sourceColumnList = (documentRequired: boolean): ColumnSpec[] =>
  Object.values(sourceColumns).map((col) =>
    col.name === 'sourceDocumentId' ? { ...col, required: documentRequired } : col,
  );

/** A where-in-the-document without the document is unusable; say so on the document column. */
export const sourceNeedsDocument = (
  row: {
    sourceDocumentId: string | null;
    sourceSection: string | null;
    sourceLine: number | null;
    sourceQuote: string | null;
  },
  ctx: z.RefinementCtx,
) => {
  if (row.sourceDocumentId === null && (row.sourceSection ?? row.sourceLine ?? row.sourceQuote) !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['sourceDocumentId'],
      message:
        '出典の節・行・引用には「出典」(資料ID) が必要です (a source section, line or quote needs sourceDocumentId)',
    });
  }
};
