/**
 * The prepared check (plausibilityCheck, once per indicator and period) against the per-row rules it replaced:
 * for any indicator, period and run of values, one check reused across the values gives what the old function
 * gave for each value alone. The oracle below is the per-row code as it stood at e902a0f, unchanged but for its
 * name and exports.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { parsePartialDate } from './partial-date.ts';
import {
  type PlausibilityInput,
  type PlausibilityWarning,
  plausibilityCheck,
  plausibilityRules,
  plausibilityWarnings,
} from './plausibility.ts';

type Rule = (input: PlausibilityInput) => PlausibilityWarning | null;
type PlausibilityRule = (typeof plausibilityRules)[number];

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

/**
 * A unit's base and scale, e.g. `unitScale('千円') // { base: '円', factor: 1000 }`; the part after a slash (人/年)
 * is the period, not the unit.
 */
function unitScale(unit: string | null): { base: string; factor: number } | null {
  if (unit === null) return null;
  let base = unit.trim().split(/[/／]/)[0]!.trim();
  let factor = 1;
  for (const [word, scale] of multipliers) {
    if (base.length > word.length && base.startsWith(word)) {
      base = base.slice(word.length);
      factor = scale;
      break;
    }
  }
  return Object.hasOwn(countUnits, base) ? { base, factor } : null;
}

const isShare = (unit: string | null) => unit !== null && shareUnits.has(unit.trim());

// One formatter for every message: toLocaleString builds a new one per call, which a 20,000-warning import feels.
const numberFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 4 });
const number = (n: number) => numberFormat.format(n);
const shown = (value: number, unit: string | null) => `${number(value)}${unit ?? ''}`;

/** A share or percentage above 100%. */
const shareOver100: Rule = ({ value, indicator }) => {
  if (!isShare(indicator.unit) || value <= 100 || ratioName.test(indicator.name)) return null;
  return {
    rule: 'share-over-100',
    field: 'value',
    messageJa: `割合が100%を超えています (${shown(value, indicator.unit)})`,
    messageEn: `a share above 100% (${number(value)}%)`,
  };
};

/** A negative count or amount, unless the indicator measures a change or a balance. */
const negativeAmount: Rule = ({ value, indicator }) => {
  if (value >= 0 || unitScale(indicator.unit) === null || changeName.test(indicator.name)) return null;
  return {
    rule: 'negative-amount',
    field: 'value',
    messageJa: `「${indicator.unit}」で数える指標に負の値があります (${shown(value, indicator.unit)})`,
    messageEn: `a negative count or amount in ${indicator.unit} (${number(value)})`,
  };
};

/** More than 10× or less than 1/10 of the previous value of the same indicator. */
const jump: Rule = ({ value, previous, indicator }) => {
  if (!previous || previous.value === 0) return null;
  const ratio = Math.abs(value) / Math.abs(previous.value);
  if (ratio <= 10 && ratio >= 0.1) return null;
  const when = previous.date ? `${previous.date}: ` : '';
  const times =
    ratio > 10 ? `${number(Math.round(ratio * 10) / 10)}倍` : `${number(Math.round(ratio * 1000) / 1000)}倍`;
  return {
    rule: 'jump',
    field: 'value',
    messageJa: `前の値 (${when}${shown(previous.value, indicator.unit)}) の${times}です。10倍を超える、または1/10未満の変化です`,
    messageEn: `${ratio > 10 ? 'more than 10 times' : 'less than a tenth of'} the previous value (${when}${number(previous.value)}): ${number(Math.round(ratio * 1000) / 1000)}×`,
  };
};

/** An observation dated outside the plan's period (a baseline usually precedes it, a target may follow it). */
const outsidePeriod: Rule = ({ role, date, period }) => {
  if (role !== 'observation' || date === null || !period) return null;
  const at = parsePartialDate(date);
  const start = period.start === null ? null : parsePartialDate(period.start);
  const end = period.end === null ? null : parsePartialDate(period.end);
  if (at === null) return null;
  const before = start !== null && at.end < start.start;
  const after = end !== null && at.start > end.end;
  if (!before && !after) return null;
  const span = `${period.start ?? ''}〜${period.end ?? ''}`;
  return {
    rule: 'outside-period',
    field: 'date',
    messageJa: `日付 ${date} が計画の期間 (${span}) の${before ? '前' : '後'}です`,
    messageEn: `the date ${date} is ${before ? 'before' : 'after'} the plan's period (${span.replace('〜', ' to ')})`,
  };
};

/** A number beyond what its unit makes sensible (1e15円 and more, over 1e9人). */
const beyondUnit: Rule = ({ value, indicator }) => {
  const scale = unitScale(indicator.unit);
  if (scale === null) return null;
  const amount = Math.abs(value) * scale.factor;
  const limit = countUnits[scale.base]!;
  // Money reaches its limit at 1e15円; people and things pass theirs only above it (1e9人 is possible).
  if (scale.base === '円' ? amount < limit : amount <= limit) return null;
  return {
    rule: 'beyond-unit',
    field: 'value',
    messageJa: `${shown(value, indicator.unit)} は「${scale.base}」の数として大きすぎます (上限の目安 ${limit.toExponential()}${scale.base})`,
    messageEn: `${number(value)} ${indicator.unit} is beyond any sensible amount of ${scale.base} (about ${limit.toExponential()} at most)`,
  };
};

const rules: Record<PlausibilityRule, Rule> = {
  'share-over-100': shareOver100,
  'negative-amount': negativeAmount,
  jump,
  'outside-period': outsidePeriod,
  'beyond-unit': beyondUnit,
};

/**
 * Every warning one value earns, in rule order.
 * @example plausibilityWarnings({ value: 250, role: 'observation', date: 'FY2018', indicator: { name: '職員の割合', unit: '%' } })
 *   // [{ rule: 'share-over-100', field: 'value', messageJa: '割合が100%を超えています (250%)', … }]
 */
function perRowWarnings(input: PlausibilityInput): PlausibilityWarning[] {
  if (!Number.isFinite(input.value)) return [];
  const out: PlausibilityWarning[] = [];
  for (const rule of plausibilityRules) {
    const warning = rules[rule](input);
    if (warning !== null) out.push(warning);
  }
  return out;
}

// Names and units that reach every branch: shares, ratios, changes, scaled money, a period after the unit, none.
const names = [
  '指標',
  '女性職員の割合',
  '観光客数の前年比',
  '社会動態（転入－転出）の増減',
  '税金滞納に関する差押件数',
  '達成率',
];
const units = ['%', '％', ' % ', '円', '千円', '百万円', '人', '人/年', '件', 'ポイント', '千', '', null];
const dates = [
  'FY2015',
  'FY2018',
  'FY2024',
  '2016-04',
  '2020-04-30',
  '2015-12',
  '<2016-04',
  '2019',
  '2018-spring',
  'nonsense',
];
const date = fc.oneof(fc.constantFrom(...dates), fc.constant(null));
const anyNumber = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.constantFrom(0, 100, 100.5, -3, 1e9, 2e9, 1e12, 1e15, 9.9e14, 1e32, Number.POSITIVE_INFINITY),
);
const period = fc.oneof(fc.constant(null), fc.record({ start: date, end: date }));
const value = fc.record({
  value: anyNumber,
  role: fc.constantFrom('baseline', 'target', 'observation') as fc.Arbitrary<PlausibilityInput['role']>,
  date,
  previous: fc.oneof(fc.constant(null), fc.record({ value: anyNumber, date })),
});

it('gives, reused across values, the warnings the per-row rules gave each value', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...names),
      fc.constantFrom(...units),
      period,
      fc.array(value, { maxLength: 8 }),
      (name, unit, period, values) => {
        const indicator = { name, unit };
        const check = plausibilityCheck(indicator, period);
        // One array reused for every value's findings, as the import does: each value's are appended to it.
        const found: PlausibilityWarning[] = [];
        for (const v of values) {
          const expected = perRowWarnings({ ...v, indicator, period });
          expect(check(v.value, v.role, v.date, v.previous)).toEqual(expected);
          const before = found.length;
          expect(check(v.value, v.role, v.date, v.previous, found)).toBe(found);
          expect(found.slice(before)).toEqual(expected);
          expect(plausibilityWarnings({ ...v, indicator, period })).toEqual(expected);
        }
      },
    ),
    { numRuns: 2_000 },
  );
});
