/**
 * zod schemas for single cells. Each reads a TableCell (text or a spreadsheet number) and fails with a message
 * that names the column in Japanese and English, so a row error tells staff what to fix.
 * Numbers and dates go through the figures engine's parsers, never a second parser of our own.
 */
import { z } from 'zod';
import { parseJapaneseDate } from '../../domain/japanese-date.ts';
import { parseJapaneseNumber } from '../../domain/japanese-number.ts';
import { recordId } from '../../domain/model.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import type { ColumnSpec } from './column.ts';

export type ParsedFigure = NonNullable<ReturnType<typeof parseJapaneseNumber>>;

const raw = (col: ColumnSpec) =>
  z.union([z.string(), z.number()], {
    error: (issue) =>
      issue.input === undefined
        ? `「${col.labelJa}」は必須です (${col.name} is required)`
        : `「${col.labelJa}」が読めません (${col.name} cannot be read)`,
  });

const asText = (cell: string | number) => (typeof cell === 'number' ? String(cell) : cell.trim());

/** A required text cell. */
export const textCell = (col: ColumnSpec) => raw(col).transform(asText);

/** A record id (lower-case letters, digits, . _ -). */
export const idCell = (col: ColumnSpec) =>
  textCell(col).refine((text) => recordId.safeParse(text).success, {
    message: `「${col.labelJa}」は英小文字・数字・. _ - のみです (${col.name}: lowercase letters, digits, . _ -)`,
  });

/**
 * A figure as printed: 「3億4300万」, 「19.8%」, 「約3200時間」; a spreadsheet number is taken as it is.
 * @example figureCell(col).parse('約3200時間') // { value: 3200, unit: '時間', qualifier: 'about', text: '約3200時間' }
 */
export const figureCell = (col: ColumnSpec) =>
  raw(col).transform((cell, ctx): ParsedFigure => {
    if (typeof cell === 'number') return { value: cell, unit: null, qualifier: null, text: String(cell) };
    const parsed = parseJapaneseNumber(cell.trim());
    if (parsed && Number.isFinite(parsed.value)) return parsed;
    ctx.issues.push({
      code: 'custom',
      input: cell,
      message: `「${col.labelJa}」が数値ではありません (${col.name} is not a number)`,
    });
    return z.NEVER;
  });

/** A plain number, unit ignored: 「68区」 → 68. */
export const numberCell = (col: ColumnSpec) => figureCell(col).transform((figure) => figure.value);

/** A whole number of at least 1: a line, a page, a position. */
export const positiveIntCell = (col: ColumnSpec) =>
  numberCell(col).pipe(
    z.number().refine((n) => Number.isInteger(n) && n >= 1, {
      message: `「${col.labelJa}」は1以上の整数です (${col.name} must be a whole number from 1)`,
    }),
  );

/**
 * A date in any form the date engine reads, stored as the canonical partial date string.
 * @example dateCell(col).parse('令和元年度') // 'FY2019'
 */
export const dateCell = (col: ColumnSpec) =>
  raw(col).transform((cell, ctx): string => {
    const text = asText(cell);
    const date = parsePartialDate(text) ?? parseJapaneseDate(text);
    if (date) return date.text;
    ctx.issues.push({
      code: 'custom',
      input: cell,
      message: `「${col.labelJa}」が日付として読めません (${col.name} is not a date: use 2020-01-15, 2020-01, FY2019, 令和元年度, H28 …)`,
    });
    return z.NEVER;
  });

/** One of the code names, or a Japanese word for it (完了 → done). */
export const codeCell = <T extends string>(
  col: ColumnSpec,
  codes: readonly T[],
  words: Record<string, T> = {},
) =>
  raw(col).transform((cell, ctx): T => {
    const text = asText(cell).normalize('NFKC');
    const code = codes.find((c) => c === text || c === text.toLowerCase()) ?? words[text];
    if (code) return code;
    ctx.issues.push({
      code: 'custom',
      input: cell,
      message: `「${col.labelJa}」は ${codes.join(' / ')} のいずれかです (${col.name} must be one of ${codes.join(', ')})`,
    });
    return z.NEVER;
  });

/** true / false, also 1 / 0, はい / いいえ, ○ / ×. */
export const booleanCell = (col: ColumnSpec) =>
  codeCell(col, ['true', 'false'] as const, {
    '1': 'true',
    '0': 'false',
    はい: 'true',
    いいえ: 'false',
    '○': 'true',
    '×': 'false',
  }).transform((v) => v === 'true');

/** An empty cell becomes null rather than undefined, so rows carry every column. */
export const optional = <T extends z.ZodType>(schema: T) =>
  schema.optional().transform((v): z.output<T> | null => v ?? null);
