/** An instant as a reader in Japan says it: in Japan Standard Time, whatever the server's zone. */
import type { Lang } from '../i18n/index.ts';

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * An ISO 8601 instant in JST, in words of the page's language.
 * @example jstDateTime('2026-12-03T05:05:00Z', 'ja') // "2026年12月3日 14:05"
 * @example jstDateTime('2026-12-03T05:05:00Z', 'en') // "3 December 2026, 14:05 JST"
 */
export function jstDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const field = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  const time = `${field.hour}:${field.minute}`;
  if (lang === 'en') return `${field.day} ${monthsEn[Number(field.month) - 1]} ${field.year}, ${time} JST`;
  return `${field.year}年${field.month}月${field.day}日 ${time}`;
}
