/**
 * A published rollup checked against its own published parts: 「改善 22・廃止 3 … 合計 36」 or 「-6,479千円 … 合計
 * -51,465千円」. The parts are summed and set beside each printed total, so a reader sees whether the total follows
 * from them; the printed total is never replaced by the sum.
 */
import { formatAmount } from '../japanese-number.ts';

/** What a plan's published figure needs to be checked: its kind, year, direction and value. */
export interface PublishedFigure {
  kind: string;
  label: string;
  fiscalYear: number | null;
  /** Set on a part (one direction's count or amount); absent on a total. */
  nextStep?: string | undefined;
  value: number;
  unit: string;
  text: string;
}

export interface PartsCheck<F extends PublishedFigure = PublishedFigure> {
  kind: string;
  fiscalYear: number | null;
  unit: string;
  parts: F[];
  total: F;
  sum: number;
  /** The sum in the unit's usual words: 「36事業」, 「▲51,465千円」. */
  sumText: string;
  matches: boolean;
  rule: string;
}

const sumText = (value: number, unit: string) =>
  unit === '円' ? formatAmount(value, '円', { style: 'table' }) : `${value}${unit}`;

/**
 * Every printed total with the sum of the parts printed beside it (same kind, fiscal year and unit).
 * @example publishedPartsChecks(hirakataFigures)[0] // { total: 合計 36, sum: 36, matches: true, … }
 */
export function publishedPartsChecks<F extends PublishedFigure>(figures: readonly F[]): PartsCheck<F>[] {
  const key = (f: F) => `${f.kind}\u0000${f.fiscalYear ?? ''}\u0000${f.unit}`;
  const groups = new Map<string, F[]>();
  for (const f of figures) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
  const checks: PartsCheck<F>[] = [];
  for (const group of groups.values()) {
    const parts = group.filter((f) => f.nextStep !== undefined);
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, f) => s + f.value, 0);
    for (const total of group.filter((f) => f.nextStep === undefined)) {
      checks.push({
        kind: total.kind,
        fiscalYear: total.fiscalYear,
        unit: total.unit,
        parts,
        total,
        sum,
        sumText: sumText(sum, total.unit),
        matches: sum === total.value,
        rule: `内訳の合計 = ${parts.map((p) => `${p.label} ${p.text}`).join(' + ')}`,
      });
    }
  }
  return checks;
}
