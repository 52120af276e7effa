/**
 * The Statistics Canada / Open SDG progress measure, as written in open-sdg/open-sdg docs/progress-methodology.md:
 *   CAGR_i = (y_i ÷ y_0)^(1 ÷ (t_i − t_0)) − 1, the observed compound annual growth;
 *   with a target: R = d · CAGR_i ÷ |CAGR_T|, CAGR_T being the growth needed to reach y_T by t_T, d = +1 or −1
 *   for the desired direction; "Target achieved" when the target is met, "On track" for R ≥ 95%,
 *   "Progress made but acceleration needed" for 60% ≤ R < 95%, "Limited progress" for 0% ≤ R < 60%,
 *   "Deterioration" for R < 0%;
 *   without a target: d · CAGR against fixed rates, On track ≥ 1.5%, acceleration needed ≥ 0.5%,
 *   limited progress ≥ 0%, deterioration below (the scaling factor C for natural limits is not applied: C = 1).
 */
import type { IndicatorValue } from '../model.ts';
import { parsePartialDate } from '../partial-date.ts';
import { computed, type FigureResult, missing } from './figure.ts';
import { describePoint } from './measured.ts';
import { formatPercentChange, formatRate } from './number-text.ts';
import { directionTexts, type RateInput, smallerIsBetter } from './rate-input.ts';

interface ProgressBand {
  min: number;
  label: string;
}

const targetBands: ProgressBand[] = [
  { min: 95, label: '順調 (On track)' },
  { min: 60, label: '進展あり・加速が必要 (Progress made but acceleration needed)' },
  { min: 0, label: '進展わずか (Limited progress)' },
];
const growthBands: ProgressBand[] = [
  { min: 1.5, label: '順調 (On track)' },
  { min: 0.5, label: '進展あり・加速が必要 (Progress made but acceleration needed)' },
  { min: 0, label: '進展わずか (Limited progress)' },
];
const deterioration = '悪化 (Deterioration)';
export const targetAchievedLabel = '目標達成 (Target achieved)';

function band(value: number, bands: ProgressBand[]): string {
  return bands.find((b) => value >= b.min)?.label ?? deterioration;
}

/** Whole years and months count exactly (2015 → 2017 is 2 years); days add as a fraction of a year. */
function yearsFromStarts(a: string, b: string): number {
  const [ya, ma, da] = a.split('-').map(Number) as [number, number, number];
  const [yb, mb, db] = b.split('-').map(Number) as [number, number, number];
  return yb - ya + (mb - ma) / 12 + (db - da) / 365.25;
}

/** Years between the first days of two partial dates ("FY2016" → "2020-01"), or null when a date is missing. */
export function yearsBetween(from: IndicatorValue, to: IndicatorValue): number | null {
  const a = from.date ? parsePartialDate(from.date) : null;
  const b = to.date ? parsePartialDate(to.date) : null;
  if (!a || !b) return null;
  return yearsFromStarts(a.start, b.start);
}

/** Compound annual growth, or a reason it has none. */
function growth(
  from: IndicatorValue,
  to: IndicatorValue,
): number | 'no_date' | 'no_elapsed_time' | 'non_positive_value' {
  if (from.value <= 0 || to.value <= 0) return 'non_positive_value';
  const years = yearsBetween(from, to);
  if (years === null) return 'no_date';
  if (years <= 0) return 'no_elapsed_time';
  return (to.value / from.value) ** (1 / years) - 1;
}

/**
 * Observed growth compared with the growth the target needs, in percent, labelled with the Open SDG category.
 * @example cagrProgress({ direction: 'increase', baseline: 100 (2015), actual: 121 (2017), target: 150 (2020), … })
 */
export function cagrProgress(input: RateInput): FigureResult {
  const { baseline, actual, target, direction } = input;
  if (!actual) return missing('no_observation');
  if (!baseline) return missing('no_baseline');
  const observed = growth(baseline, actual);
  if (typeof observed === 'string') return missing(observed);
  const d = smallerIsBetter(direction) ? -1 : 1;
  const m = (point: IndicatorValue) => describePoint({ point, unit: input.unit });
  const between = `基準 ${m(baseline)}、実績 ${m(actual)}`;
  if (!target) {
    const value = d * observed * 100;
    return computed({
      value,
      unit: '%',
      text: `年率${formatPercentChange(value)}`,
      label: band(value, growthBands),
      rule: `目標がないため年平均成長率（CAGR）そのものを示す（${directionTexts[direction]}。${between}）。Open SDG の区分: 1.5%以上 順調、0.5%以上 加速が必要、0%以上 進展わずか、0%未満 悪化`,
      from: baseline,
      to: actual,
    });
  }
  const achieved = d * (actual.value - target.value) >= 0;
  const required = growth(baseline, target);
  if (typeof required === 'string' || required === 0) {
    if (!achieved) return missing(required === 0 ? 'target_equals_baseline' : required);
    return computed({
      value: 100,
      unit: '%',
      text: formatRate(100),
      label: targetAchievedLabel,
      rule: `実績が目標 ${m(target)} に達している（${between}）`,
      from: baseline,
      to: actual,
    });
  }
  const value = ((d * observed) / Math.abs(required)) * 100;
  return computed({
    value,
    unit: '%',
    text: formatRate(value),
    label: achieved ? targetAchievedLabel : band(value, targetBands),
    rule: `達成度 = 実績の年平均成長率 ÷ 目標に必要な年平均成長率 × 100（Statistics Canada / Open SDG 方式。${directionTexts[direction]}。${between}、目標 ${m(target)}）。区分: 目標達成、95%以上 順調、60%以上 加速が必要、0%以上 進展わずか、0%未満 悪化`,
    from: baseline,
    to: actual,
  });
}
