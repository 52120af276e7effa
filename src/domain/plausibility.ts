/**
 * Plausibility warnings: values that read well but are probably wrong (a 250% share, −5億円 of donations, a value
 * ten times the one before, a date outside the plan's period, 1e32円). They do not refuse a row: staff confirm each
 * one or fix the row. One rule per warning, each with its words in Japanese and English. Pure: no I/O.
 */
import { memoize } from './memo.ts';
import { parsePartialDate } from './partial-date.ts';

export const plausibilityRules = [
  'share-over-100',
  'negative-amount',
  'jump',
  'outside-period',
  'beyond-unit',
] as const;
export type PlausibilityRule = (typeof plausibilityRules)[number];

export interface PlausibilityInput {
  value: number;
  role: 'baseline' | 'target' | 'observation';
  /** The canonical partial date (FY2019, 2020-01, <2016-04) or null. */
  date: string | null;
  indicator: { name: string; unit: string | null };
  /** The indicator's value just before this one in time (its baseline or an earlier observation). */
  previous?: { value: number; date: string | null } | null;
  /** The plan's period as partial dates, e.g. { start: '2016-04', end: '2020-04' }. */
  period?: { start: string | null; end: string | null } | null;
}

export interface PlausibilityWarning {
  rule: PlausibilityRule;
  /** The field the warning is about. */
  field: 'value' | 'date';
  messageJa: string;
  messageEn: string;
}

const shareUnits = new Set(['%', '％', 'パーセント', 'percent']);
// Percentages that may exceed 100: a ratio to last year or to a target, a growth rate.
const ratioName = /前年比|前年度比|対前年|比較|増減|伸び|成長|増加率|達成率|充足率|倍/;
// Indicators that measure a change or a balance, which may be negative.
// Not a bare 差: 差押件数 (seizures) counts things.
const changeName =
  /増減|差額|差引|の差|較差|収支|純増|純減|変化|前年比|社会動態|自然動態|社会増|自然増|損益|赤字|黒字|伸び/;

const multipliers: [string, number][] = [
  ['百万', 1e6],
  ['千万', 1e7],
  ['兆', 1e12],
  ['億', 1e8],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/**
 * Units counting people, things or events, and money: never negative, each with the amount past which a number is
 * not believable (円 from 1e15 on, 人 above 1e9: more than everyone alive).
 */
const countUnits: Record<string, number> = {
  円: 1e15,
  人: 1e9,
  名: 1e9,
  件: 1e12,
  回: 1e12,
  世帯: 1e9,
  戸: 1e9,
  台: 1e12,
  箇所: 1e9,
  か所: 1e9,
  ヶ所: 1e9,
  カ所: 1e9,
  校: 1e6,
  施設: 1e9,
  団体: 1e9,
  社: 1e9,
  事業所: 1e9,
  本: 1e12,
  冊: 1e12,
  棟: 1e9,
  店: 1e9,
  組: 1e9,
  日: 1e9,
  時間: 1e12,
  泊: 1e12,
};

/** A unit's base and scale, as `unitScale` gives it. */
export type UnitScale = Readonly<{ base: string; factor: number }>;

/**
 * A unit's base and scale, e.g. `unitScale('千円') // { base: '円', factor: 1000 }`; the part after a slash (人/年)
 * is the period, not the unit. The answer is shared and frozen.
 */
export function unitScale(unit: string | null): UnitScale | null {
  return unit === null ? null : scaleOfUnit(unit);
}

// An import prepares the rules once per indicator, and its hundreds of indicators share a few units.
const scaleOfUnit = memoize(scaleOf, 1_000);

function scaleOf(unit: string): UnitScale | null {
  let base = unit.trim().split(/[/／]/)[0]!.trim();
  let factor = 1;
  for (const [word, scale] of multipliers) {
    if (base.length > word.length && base.startsWith(word)) {
      base = base.slice(word.length);
      factor = scale;
      break;
    }
  }
  return Object.hasOwn(countUnits, base) ? Object.freeze({ base, factor }) : null;
}

const isShare = (unit: string | null) => unit !== null && shareUnits.has(unit.trim());

// One formatter for every message: toLocaleString builds a new one per call, which a 20,000-warning import feels.
const numberFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 4 });
const number = (n: number) => numberFormat.format(n);
const shown = (value: number, unit: string | null) => `${number(value)}${unit ?? ''}`;

/** One value as a prepared check reads it: what `PlausibilityInput` holds beside its indicator and period. */
export type PlausibilityValue = Pick<PlausibilityInput, 'value' | 'role' | 'date' | 'previous'>;

/**
 * A prepared check: the warnings one value earns, in rule order, appended to `out` (a new array by default). The
 * value's fields come one by one: an import checks 100,000 values and builds no object for each.
 */
export type PlausibilityCheck = (
  value: PlausibilityValue['value'],
  role: PlausibilityValue['role'],
  date: PlausibilityValue['date'],
  previous?: PlausibilityValue['previous'],
  out?: PlausibilityWarning[],
) => PlausibilityWarning[];

/**
 * The rules prepared for one indicator and plan period: whether its unit is a share, its unit's scale, whether its
 * name measures a ratio or a change, the period's bounds. Each is worked out once here rather than for each of an
 * import's 100,000 values; the check then gives what `plausibilityWarnings` gives for the same value.
 * @example plausibilityCheck({ name: '職員の割合', unit: '%' }, null)(250, 'observation', 'FY2018')
 *   // [{ rule: 'share-over-100', … }]
 */
export function plausibilityCheck(
  indicator: PlausibilityInput['indicator'],
  period: PlausibilityInput['period'],
): PlausibilityCheck {
  const { name, unit } = indicator;
  // A share or percentage above 100%, unless the name says it is a ratio.
  const share = isShare(unit) && !ratioName.test(name);
  const scale = unitScale(unit);
  // A negative count or amount, unless the indicator measures a change or a balance.
  const neverNegative = scale !== null && !changeName.test(name);
  const limit = scale === null ? 0 : countUnits[scale.base]!;
  const start = !period || period.start === null ? null : parsePartialDate(period.start);
  const end = !period || period.end === null ? null : parsePartialDate(period.end);
  const span = period ? `${period.start ?? ''}〜${period.end ?? ''}` : '';
  return (value, role, date, previous, out = []) => {
    if (!Number.isFinite(value)) return out;
    if (share && value > 100)
      out.push({
        rule: 'share-over-100',
        field: 'value',
        messageJa: `割合が100%を超えています (${shown(value, unit)})`,
        messageEn: `a share above 100% (${number(value)}%)`,
      });
    if (neverNegative && value < 0)
      out.push({
        rule: 'negative-amount',
        field: 'value',
        messageJa: `「${unit}」で数える指標に負の値があります (${shown(value, unit)})`,
        messageEn: `a negative count or amount in ${unit} (${number(value)})`,
      });
    // More than 10× or less than 1/10 of the previous value of the same indicator.
    if (previous && previous.value !== 0) {
      const ratio = Math.abs(value) / Math.abs(previous.value);
      if (!(ratio <= 10 && ratio >= 0.1)) out.push(jumpWarning(ratio, previous, unit));
    }
    // An observation dated outside the plan's period (a baseline usually precedes it, a target may follow it).
    const at = role === 'observation' && date !== null && period ? parsePartialDate(date) : null;
    if (at !== null) {
      const before = start !== null && at.end < start.start;
      const after = end !== null && at.start > end.end;
      if (before || after)
        out.push({
          rule: 'outside-period',
          field: 'date',
          messageJa: `日付 ${date} が計画の期間 (${span}) の${before ? '前' : '後'}です`,
          messageEn: `the date ${date} is ${before ? 'before' : 'after'} the plan's period (${span.replace('〜', ' to ')})`,
        });
    }
    // A number beyond what its unit makes sensible (1e15円 and more, over 1e9人).
    if (scale !== null) {
      const amount = Math.abs(value) * scale.factor;
      // Money reaches its limit at 1e15円; people and things pass theirs only above it (1e9人 is possible).
      if (!(scale.base === '円' ? amount < limit : amount <= limit))
        out.push({
          rule: 'beyond-unit',
          field: 'value',
          messageJa: `${shown(value, unit)} は「${scale.base}」の数として大きすぎます (上限の目安 ${limit.toExponential()}${scale.base})`,
          messageEn: `${number(value)} ${unit} is beyond any sensible amount of ${scale.base} (about ${limit.toExponential()} at most)`,
        });
    }
    return out;
  };
}

function jumpWarning(
  ratio: number,
  previous: { value: number; date: string | null },
  unit: string | null,
): PlausibilityWarning {
  const when = previous.date ? `${previous.date}: ` : '';
  const times =
    ratio > 10 ? `${number(Math.round(ratio * 10) / 10)}倍` : `${number(Math.round(ratio * 1000) / 1000)}倍`;
  return {
    rule: 'jump',
    field: 'value',
    messageJa: `前の値 (${when}${shown(previous.value, unit)}) の${times}です。10倍を超える、または1/10未満の変化です`,
    messageEn: `${ratio > 10 ? 'more than 10 times' : 'less than a tenth of'} the previous value (${when}${number(previous.value)}): ${number(Math.round(ratio * 1000) / 1000)}×`,
  };
}

/**
 * Every warning one value earns, in rule order.
 * @example plausibilityWarnings({ value: 250, role: 'observation', date: 'FY2018', indicator: { name: '職員の割合', unit: '%' } })
 *   // [{ rule: 'share-over-100', field: 'value', messageJa: '割合が100%を超えています (250%)', … }]
 */
export function plausibilityWarnings(input: PlausibilityInput): PlausibilityWarning[] {
  return plausibilityCheck(input.indicator, input.period)(
    input.value,
    input.role,
    input.date,
    input.previous,
  );
}

/**
 * The value just before `date` among an indicator's values, e.g. the baseline for its first observation.
 * @example previousValue([{ value: 1, date: 'FY2016' }, { value: 2, date: 'FY2018' }], 'FY2019') // { value: 2, date: 'FY2018' }
 */
export function previousValue<V extends { value: number; date: string | null }>(
  values: readonly V[],
  date: string | null,
): V | null {
  const at = date === null ? null : parsePartialDate(date);
  if (at === null) return null;
  let best: { value: V; start: string; end: string } | null = null;
  for (const value of values) {
    const d = value.date === null ? null : parsePartialDate(value.date);
    if (d === null || d.start >= at.start) continue;
    if (best === null || d.start > best.start || (d.start === best.start && d.end < best.end))
      best = { value, start: d.start, end: d.end };
  }
  return best?.value ?? null;
}
