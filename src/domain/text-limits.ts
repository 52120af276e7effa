/**
 * How long each kind of text may be, in one place for the JSON import, the table import, the staff forms and the
 * write API. Generous for real plans (the longest Komoro description is a few hundred characters) yet small
 * enough that one request or row cannot fill the database or make every page that shows it slow.
 */
import { z } from 'zod';

export const textLimits = {
  /** Record ids: `mirai-2016.p1.finance` is 21. */
  id: 100,
  /** Titles, names, labels, units, sections, slogans. */
  short: 500,
  /** Descriptions, notes, quotes, comments, statement bodies. */
  long: 20_000,
  /** A link to a published document. */
  url: 2_000,
} as const;

// Fields holding prose; every other text field is short.
const longFields = new Set([
  'description',
  'note',
  'quote',
  'sourceQuote',
  'comment',
  'body',
  'summary',
  'details',
]);

/**
 * The limit for a field, by its name.
 * @example textLimitOf('title') // 500
 * @example textLimitOf('description') // 20000
 */
export const textLimitOf = (field: string): number =>
  longFields.has(field) ? textLimits.long : textLimits.short;

/**
 * The message for a text over its limit, naming the field (by its Japanese label too, where there is one).
 * @example tooLongMessage('title', 500) // "「title」は 500 文字以内にしてください (title is longer than 500 characters)"
 */
export const tooLongMessage = (field: string, limit: number, fieldEn = field): string =>
  `「${field}」は ${limit.toLocaleString('en-US')} 文字以内にしてください (${fieldEn} is longer than ${limit.toLocaleString('en-US')} characters)`;

/**
 * The field a zod issue is about, as a form or API names it: the keys after the last array index.
 * @example fieldOf(['plans', 0, 'source', 'url'], 'url') // 'source.url'
 */
export function fieldOf(path: readonly PropertyKey[] | undefined, fallback: string): string {
  const keys = path ?? [];
  const lastIndex = keys.findLastIndex((key) => typeof key !== 'string');
  return (
    keys
      .slice(lastIndex + 1)
      .map(String)
      .join('.') || fallback
  );
}

/**
 * The message for a text holding NUL, which PostgreSQL cannot store in text (it would answer 500).
 * @example nulMessage('title') // "「title」に NUL 文字は使えません (title contains a NUL character)"
 */
export const nulMessage = (field: string, fieldEn = field): string =>
  `「${field}」に NUL 文字は使えません (${fieldEn} contains a NUL character)`;

/** Whether the text holds NUL: `hasNul('a\u0000b') // true`. */
export const hasNul = (text: string): boolean => text.includes('\u0000');

const limited = (limit: number, fallback: string) =>
  z
    .string()
    .max(limit, { error: (issue) => tooLongMessage(fieldOf(issue.path, fallback), limit) })
    .refine((text) => !hasNul(text), { error: (issue) => nulMessage(fieldOf(issue.path, fallback)) });

/** A title, name or label. */
export const shortText = limited(textLimits.short, 'text');
/** A description, note, quote or comment. */
export const longText = limited(textLimits.long, 'text');
/** The length check of an id; its pattern is added where the id is defined. */
export const idText = limited(textLimits.id, 'id');
