/**
 * zod schemas for single cells. Each reads a TableCell (text or a spreadsheet number; '' when blank) and fails
 * with a message that names the column in Japanese and English, so a row error tells staff what to fix.
 * Numbers and dates go through the figures engine's parsers, never a second parser of our own.
 * Each cell is one zod transform rather than a chain: a 100,000-row import allocates per layer.
 */
import { z } from 'zod';
import { parseJapaneseDate } from '../../domain/japanese-date.ts';
import { type ParsedNumber, parseJapaneseNumber } from '../../domain/japanese-number.ts';
import { memoize } from '../../domain/memo.ts';
import { recordId, type SourceRef } from '../../domain/model.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import { hasNul, nulMessage, textLimitOf, textLimits, tooLongMessage } from '../../domain/text-limits.ts';
import type { ColumnSpec } from './column.ts';
import type { TableCell } from './sheet-grid.ts';
import { parseSourceText } from './source-text.ts';

/** A converter's answer for a cell it cannot read: the "日本語 (English)" message. */
class Invalid {
  constructor(readonly message: string) {}
}
type Convert<T> = (cell: TableCell, col: ColumnSpec) => T | Invalid;

const blank = (cell: unknown): boolean => cell === undefined || cell === null || cell === '';

function convertCell<T>(col: ColumnSpec, convert: Convert<T>, input: unknown, ctx: z.RefinementCtx): T {
  if (typeof input !== 'string' && typeof input !== 'number') {
    ctx.addIssue({
      code: 'custom',
      input,
      message: `「${col.labelJa}」が読めません (${col.name} cannot be read)`,
    });
    return z.NEVER;
  }
  const out = convert(input, col);
  if (!(out instanceof Invalid)) return out;
  ctx.addIssue({ code: 'custom', input, message: out.message });
  return z.NEVER;
}

/** A cell that must be filled. */
export const required = <T>(col: ColumnSpec, convert: Convert<T>) =>
  z.any().transform((input, ctx): T => {
    if (!blank(input)) return convertCell(col, convert, input, ctx);
    ctx.addIssue({
      code: 'custom',
      input,
      message: `「${col.labelJa}」は必須です (${col.name} is required)`,
    });
    return z.NEVER;
  });

/** A cell that may be blank: blank gives the fallback (null unless told). */
export function optional<T>(col: ColumnSpec, convert: Convert<T>): z.ZodType<T | null>;
export function optional<T>(col: ColumnSpec, convert: Convert<T>, fallback: T): z.ZodType<T>;
export function optional<T>(col: ColumnSpec, convert: Convert<T>, fallback: T | null = null) {
  return z.any().transform((input, ctx) => (blank(input) ? fallback : convertCell(col, convert, input, ctx)));
}

const asText = (cell: TableCell) => (typeof cell === 'number' ? String(cell) : cell.trim());

// Parsed results are shared between rows; converters copy them before handing them on. Exported for the
// tables' fast paths, which read the same cells without zod.
/** The canonical partial date of a date cell's text, or null: `parseDateText('令和元年度') // 'FY2019'`. */
export const parseDateText = memoize(
  (text: string) => (parsePartialDate(text) ?? parseJapaneseDate(text))?.text ?? null,
);
const memoizedFigure = memoize((text: string) => {
  const parsed = parseJapaneseNumber(text);
  return parsed && Number.isFinite(parsed.value) ? parsed : null;
});

// Most cells of a large sheet are plain half-width numbers with a simple unit (「102件」「40.4%」「1,234千円」
// 「約3時間」), all different, so a cache only misses; they read the same as through parseJapaneseNumber (a property
// test checks it). A whole number may carry one scale (千, 万, 億) and 約 in front; decimals with a scale (exact
// decimal arithmetic), zero with a scale, other qualifiers, signs after 約 and full-width digits go the long way.
const plainFigure =
  /^(約)?([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?)([千万億])?(%|[^\d\s.,%+\-〇一二三四五六七八九十百千万億兆約余以未超▲△増減]{0,4})$/;
const scales: Readonly<Record<string, number>> = { 千: 1e3, 万: 1e4, 億: 1e8 };

/** A printed figure, shared between calls (do not mutate): `parseFigureText('約3200時間')?.value // 3200`. */
export function parseFigureText(text: string): ReturnType<typeof memoizedFigure> {
  const plain = plainFigure.exec(text);
  if (!plain) return memoizedFigure(text);
  const [, about, digits, decimals, scale, unit] = plain;
  const signed = digits!.charCodeAt(0) === 43 || digits!.charCodeAt(0) === 45;
  if ((scale !== undefined && decimals !== undefined) || (about !== undefined && signed))
    return memoizedFigure(text);
  const value = Number(digits!.replaceAll(',', '')) * (scale === undefined ? 1 : scales[scale]!);
  // The full parser reads no zero before 万 or 億 (「0万」 is not a figure there); it decides those.
  if (value === 0 && scale !== undefined) return memoizedFigure(text);
  return { value, unit: unit || null, qualifier: about === undefined ? null : 'about', text };
}
/**
 * The text when it is a record id, else null: `recordIdText('i.a') // 'i.a'`. Equal ids come back as one string,
 * so the importer's maps keyed by id compare them by identity, not character by character.
 */
export const recordIdText = memoize((text: string) => (recordId.safeParse(text).success ? text : null));

/** Whether text is a record id: `isRecordId('i.a') // true`. */
export const isRecordId = (text: string) => recordIdText(text) !== null;

/** Text as typed, trimmed. */
export const text: Convert<string> = (cell, col) => {
  const value = asText(cell);
  const limit = textLimitOf(col.name);
  if (hasNul(value)) return new Invalid(nulMessage(col.labelJa, col.name));
  return value.length <= limit ? value : new Invalid(tooLongMessage(col.labelJa, limit, col.name));
};

/** A record id (lower-case letters, digits, . _ -). */
export const id: Convert<string> = (cell, col) => {
  const value = asText(cell);
  if (value.length > textLimits.id) return new Invalid(tooLongMessage(col.labelJa, textLimits.id, col.name));
  return isRecordId(value)
    ? value
    : new Invalid(
        `「${col.labelJa}」は英小文字・数字・. _ - のみです (${col.name}: lowercase letters, digits, . _ -)`,
      );
};

/**
 * A figure as printed: 「3億4300万」, 「19.8%」, 「約3200時間」; a spreadsheet number is taken as it is.
 * @example figure('約3200時間', col) // { value: 3200, unit: '時間', qualifier: 'about', text: '約3200時間' }
 */
export const figure: Convert<ParsedNumber> = (cell, col) => {
  if (typeof cell === 'number') return { value: cell, unit: null, qualifier: null, text: String(cell) };
  const parsed = parseFigureText(cell.trim());
  return parsed
    ? { ...parsed }
    : new Invalid(`「${col.labelJa}」が数値ではありません (${col.name} is not a number)`);
};

/** A plain number, unit ignored: 「68区」 → 68. */
export const number: Convert<number> = (cell, col) => {
  const out = figure(cell, col);
  return out instanceof Invalid ? out : out.value;
};

/** A whole number of at least 1: a line, a page, a position, the field of a rank. */
export const positiveInt: Convert<number> = (cell, col) => {
  const out = number(cell, col);
  if (out instanceof Invalid || (Number.isInteger(out) && out >= 1)) return out;
  return new Invalid(`「${col.labelJa}」は1以上の整数です (${col.name} must be a whole number from 1)`);
};

/**
 * A date in any form the date engine reads, as the canonical partial date string.
 * @example date('令和元年度', col) // 'FY2019'
 */
export const date: Convert<string> = (cell, col) =>
  parseDateText(asText(cell)) ??
  new Invalid(
    `「${col.labelJa}」が日付として読めません (${col.name} is not a date: use 2020-01-15, 2020-01, FY2019, 令和元年度, H28 …)`,
  );

/** One of the code names, or a Japanese word for it (完了 → done). */
export const code =
  <T extends string>(codes: readonly T[], words: Readonly<Record<string, T>> = {}): Convert<T> =>
  (cell, col) => {
    const value = asText(cell).normalize('NFKC');
    return (
      codes.find((c) => c === value || c === value.toLowerCase()) ??
      words[value] ??
      new Invalid(
        `「${col.labelJa}」は ${codes.join(' / ')} のいずれかです (${col.name} must be one of ${codes.join(', ')})`,
      )
    );
  };

const booleanCode = code(['true', 'false'] as const, {
  '1': 'true',
  '0': 'false',
  はい: 'true',
  いいえ: 'false',
  '○': 'true',
  '×': 'false',
});

/** true / false, also 1 / 0, はい / いいえ, ○ / ×. */
export const boolean: Convert<boolean> = (cell, col) => {
  const out = booleanCode(cell, col);
  return out instanceof Invalid ? out : out === 'true';
};

/** Applies a further check to a converter's result. */
export const check =
  <T>(convert: Convert<T>, ok: (value: T) => boolean, message: (col: ColumnSpec) => string): Convert<T> =>
  (cell, col) => {
    const out = convert(cell, col);
    return out instanceof Invalid || ok(out) ? out : new Invalid(message(col));
  };

/** Maps a converter's result. */
export const map =
  <T, U>(convert: Convert<T>, f: (value: T) => U): Convert<U> =>
  (cell, col) => {
    const out = convert(cell, col);
    return out instanceof Invalid ? out : f(out);
  };

/**
 * An amount in whole yen as printed: 「1,234千円」, 「4億1,200万円」, 「▲1,200」; a unit other than 円 is refused.
 * @example yen('4億1,200万円', col) // 412000000
 */
export const yen: Convert<number> = (cell, col) => {
  const out = figure(cell, col);
  if (out instanceof Invalid) return out;
  if (out.unit !== null && out.unit !== '円')
    return new Invalid(
      `「${col.labelJa}」は円の金額です。単位「${out.unit}」は読めません (${col.name} is an amount in yen, not ${out.unit})`,
    );
  const whole = Math.round(out.value);
  if (Math.abs(out.value - whole) > 1e-6 || !Number.isSafeInteger(whole))
    return new Invalid(`「${col.labelJa}」は円単位の整数です (${col.name} must be whole yen)`);
  return whole;
};

/**
 * A fiscal year in 和暦 or 西暦: 「令和4年度」, R4, 2022, 2022年度, FY2022.
 * @example fiscalYear('令和4年度', col) // 2022
 */
export const fiscalYear: Convert<number> = (cell, col) => {
  const date = parseDateText(asText(cell));
  const year = date === null ? null : /^(?:FY)?(\d{4})$/.exec(date)?.[1];
  return year === undefined || year === null
    ? new Invalid(
        `「${col.labelJa}」が年度として読めません (${col.name} is not a fiscal year: use 令和4年度, R4, 2022年度, 2022)`,
      )
    : Number(year);
};

/** Record ids separated by line breaks, commas or 、: 「i.a、i.b」 → ['i.a', 'i.b']. */
export const idList: Convert<string[]> = (cell, col) => {
  const ids = asText(cell)
    .split(/[\n,、，]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = ids.find((s) => !isRecordId(s));
  return bad === undefined
    ? ids
    : new Invalid(`「${col.labelJa}」の「${bad}」は ID ではありません (${col.name}: ${bad} is not an id)`);
};

/** A source written in one cell (`資料: doc`, `行: 84`, `引用: …`; see source-text.ts); the document id is checked. */
export const sourceRef: Convert<SourceRef> = (cell, col) => {
  const read = parseSourceText(typeof cell === 'number' ? String(cell) : cell);
  if (!read.ok) return new Invalid(`「${col.labelJa}」: ${read.ja} (${col.name}: ${read.en})`);
  return isRecordId(read.ref.documentId)
    ? read.ref
    : new Invalid(
        `「${col.labelJa}」の資料「${read.ref.documentId}」は ID ではありません (${col.name}: ${read.ref.documentId} is not an id)`,
      );
};
