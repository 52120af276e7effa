/**
 * 和暦 (Japanese era years) beside 西暦: the eras the parser reads and the labels the formatter writes.
 *
 * The formatter asks Intl's Japanese calendar for the era, so a future era arrives with the ICU data;
 * the table below is what the parser needs to turn 「R5」 or 「平成31年」 back into a Western year.
 */
import { type PartialDate, parsePartialDate, type Season } from './partial-date.ts';

export interface Era {
  name: string;
  letter: string;
  /** First day of the era (ISO yyyy-mm-dd); its first year is 元年. */
  start: string;
  /** Last day of the era, or null while it lasts. */
  end: string | null;
}

export const eras: readonly Era[] = [
  { name: '明治', letter: 'M', start: '1868-01-25', end: '1912-07-29' },
  { name: '大正', letter: 'T', start: '1912-07-30', end: '1926-12-24' },
  { name: '昭和', letter: 'S', start: '1926-12-25', end: '1989-01-07' },
  { name: '平成', letter: 'H', start: '1989-01-08', end: '2019-04-30' },
  { name: '令和', letter: 'R', start: '2019-05-01', end: null },
];

/** The era named by kanji or letter: findEra('H') → 平成. */
export function findEra(nameOrLetter: string): Era | null {
  return eras.find((e) => e.name === nameOrLetter || e.letter === nameOrLetter.toUpperCase()) ?? null;
}

/** The Western year of an era year: toWesternYear(findEra('令和')!, 1) → 2019. */
export function toWesternYear(era: Era, eraYear: number): number {
  return Number(era.start.slice(0, 4)) + eraYear - 1;
}

const eraFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

// Japan adopted the Gregorian calendar on 明治6年1月1日; before it an era date is a lunisolar date,
// so turning a Western date into 和暦 would name the wrong day.
const gregorianAdoption = '1873-01-01';

// Labels already asked for: formatToParts costs microseconds each, and a page of many dated values asks for the
// same few days again and again. Bounded, as the days asked for come from the data.
const eraLabels = new Map<string, string | null>();
const eraLabelsKept = 10_000;

/** The era and era year in force on an ISO day, e.g. "2019-05-01" → "令和元年". */
function eraLabel(isoDay: string): string | null {
  const known = eraLabels.get(isoDay);
  if (known !== undefined) return known;
  const label = computeEraLabel(isoDay);
  if (eraLabels.size >= eraLabelsKept) eraLabels.clear();
  eraLabels.set(isoDay, label);
  return label;
}

function computeEraLabel(isoDay: string): string | null {
  if (isoDay < gregorianAdoption) return null;
  const date = new Date(0);
  date.setUTCFullYear(
    Number(isoDay.slice(0, 4)),
    Number(isoDay.slice(5, 7)) - 1,
    Number(isoDay.slice(8, 10)),
  );
  const parts = eraFormat.formatToParts(date);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = parts.find((p) => p.type === 'year')?.value;
  if (!era || !year) return null;
  // Some ICU versions already write 元 for the first year, others write 1.
  return `${era}${year === '1' ? '元' : year}年`;
}

const seasonJa: Record<Season, string> = { spring: '春', summer: '夏', autumn: '秋', winter: '冬' };
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

/** The Western label and the 和暦 labels (one, or two when the era changed inside the span). */
function labelsJa(d: PartialDate): { western: string; wareki: string[] } {
  const y = d.year;
  switch (d.precision) {
    case 'fiscal_year':
      // By usage the 年度 takes the era its starting calendar year ends in: 令和元年度 (FY2019), 昭和63年度 (FY1988).
      return {
        western: `${y}年度`,
        wareki: [eraLabel(`${y}-12-31`)].map((l) => l && `${l}度`).filter(isText),
      };
    case 'year': {
      const first = eraLabel(`${y}-01-01`);
      const last = eraLabel(`${y}-12-31`);
      return { western: `${y}年`, wareki: [...new Set([first, last])].filter(isText) };
    }
    case 'season': {
      // Winter runs into the next year; its era is the one the labelled year ends in.
      const lastDay = d.end.slice(0, 4) === String(y).padStart(4, '0') ? d.end : `${y}-12-31`;
      const s = seasonJa[d.season as Season];
      return { western: `${y}年${s}`, wareki: [eraLabel(lastDay)].filter(isText).map((l) => `${l}${s}`) };
    }
    case 'month':
      return {
        western: `${y}年${d.month}月`,
        wareki: [eraLabel(d.end)].filter(isText).map((l) => `${l}${d.month}月`),
      };
    case 'day':
      return {
        western: `${y}年${d.month}月${d.day}日`,
        wareki: [eraLabel(d.start)].filter(isText).map((l) => `${l}${d.month}月${d.day}日`),
      };
  }
}

const isText = (s: string | null): s is string => typeof s === 'string';

function formatJa(d: PartialDate): string {
  const { western, wareki } = labelsJa(d);
  const before = d.qualifier === 'before' ? '以前' : '';
  if (wareki.length === 0) return `${western}${before}`;
  return `${western}${before}（${wareki.join('・')}${before}）`;
}

function formatEn(d: PartialDate): string {
  const label = (() => {
    switch (d.precision) {
      case 'fiscal_year':
        return `FY${d.year}`;
      case 'year':
        return `${d.year}`;
      case 'season':
        return `${d.season} ${d.year}`;
      case 'month':
        return `${monthsEn[(d.month ?? 1) - 1]} ${d.year}`;
      case 'day':
        return `${d.day} ${monthsEn[(d.month ?? 1) - 1]} ${d.year}`;
    }
  })();
  return d.qualifier === 'before' ? `before ${label}` : label;
}

/**
 * A partial date for people: 西暦 first, 和暦 beside it.
 * @example formatPartialDate('FY2019') // "2019年度（令和元年度）"; formatPartialDate('2020-01', 'en') // "January 2020"
 */
export function formatPartialDate(date: string | PartialDate, lang: 'ja' | 'en' = 'ja'): string {
  const parsed = typeof date === 'string' ? parsePartialDate(date) : date;
  if (!parsed) return String(date);
  return lang === 'en' ? formatEn(parsed) : formatJa(parsed);
}
