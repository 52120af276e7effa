/**
 * The money of a 事務事業評価 sheet: 事業費 (by 財源), 人件費 (an amount, or 人工 × average salary), トータルコスト,
 * 単位コスト against an activity indicator, 執行率 (決算 ÷ 最終予算) and the change from the year before. Amounts are
 * whole yen; every figure says how it was made, in Japanese and English.
 */
import { fiscalYearOfDate } from '../fiscal-year.ts';
import { formatAmount } from '../japanese-number.ts';
import type { FundingSource, Indicator, ProgramSheet } from '../model.ts';
import { computed, type FigureResult, missing } from './figure.ts';
import { formatPercentChange, formatRate, roundTo } from './number-text.ts';

const yen = (value: number) => formatAmount(value, '円');

/** 財源 in the order a sheet prints them, with the sheet field that holds each. */
export const fundingColumns: readonly {
  source: FundingSource;
  field: keyof ProgramSheet;
  label: string;
  labelEn: string;
}[] = [
  { source: 'national', field: 'fundingNational', label: '国庫支出金', labelEn: 'national funds' },
  { source: 'prefectural', field: 'fundingPrefectural', label: '県支出金', labelEn: 'prefectural funds' },
  { source: 'bonds', field: 'fundingBonds', label: '地方債', labelEn: 'bonds' },
  { source: 'other', field: 'fundingOther', label: 'その他', labelEn: 'other' },
  { source: 'general', field: 'fundingGeneral', label: '一般財源', labelEn: 'general funds' },
];

function amount(value: number, rule: string, ruleEn: string): FigureResult {
  return computed({ value, unit: '円', text: yen(value), rule, ruleEn });
}

/**
 * 事業費: the sum of its 財源 when the sheet gives them, else its 決算, else its 最終予算.
 * @example programCost({ fundingNational: 5_000_000, fundingGeneral: 6_400_000, … }).text // "1,140万円"
 */
export function programCost(sheet: ProgramSheet): FigureResult {
  const parts = fundingColumns.flatMap((c) => {
    const value = sheet[c.field] as number | null;
    return value === null ? [] : [{ ...c, value }];
  });
  if (parts.length > 0) {
    const value = parts.reduce((sum, p) => sum + p.value, 0);
    return amount(
      value,
      `事業費 = ${parts.map((p) => `${p.label} ${yen(p.value)}`).join(' + ')}`,
      `Program cost = ${parts.map((p) => `${p.labelEn} ${p.value} yen`).join(' + ')}`,
    );
  }
  if (sheet.settlement !== null)
    return amount(
      sheet.settlement,
      `事業費 = 決算額 ${yen(sheet.settlement)}`,
      `Program cost = settlement ${sheet.settlement} yen`,
    );
  if (sheet.budgetFinal !== null)
    return amount(
      sheet.budgetFinal,
      `事業費 = 最終予算額 ${yen(sheet.budgetFinal)}（決算前）`,
      `Program cost = final budget ${sheet.budgetFinal} yen (not yet settled)`,
    );
  return missing('no_cost');
}

/**
 * 人件費: the amount the sheet states, else 人工 × 平均給与 rounded to the yen.
 * @example personnelCost({ staffYears: 0.5, averageSalary: 8_000_000, … }).text // "400万円"
 */
export function personnelCost(sheet: ProgramSheet): FigureResult {
  if (sheet.personnelCost !== null)
    return amount(
      sheet.personnelCost,
      `人件費 = 記載額 ${yen(sheet.personnelCost)}`,
      `Personnel cost = stated amount ${sheet.personnelCost} yen`,
    );
  if (sheet.staffYears !== null && sheet.averageSalary !== null) {
    const value = roundTo(sheet.staffYears * sheet.averageSalary, 0);
    return amount(
      value,
      `人件費 = 人工 ${sheet.staffYears} × 平均給与 ${yen(sheet.averageSalary)}（円未満四捨五入）`,
      `Personnel cost = ${sheet.staffYears} staff years × average salary ${sheet.averageSalary} yen (rounded to the yen)`,
    );
  }
  return missing('no_personnel_cost');
}

/**
 * トータルコスト = 事業費 + 人件費 (+ what else the organization counts, stated on the sheet).
 * @example totalCost(sheet).text // "1,580万円"
 */
export function totalCost(sheet: ProgramSheet): FigureResult {
  const program = programCost(sheet);
  if (program.value === null) return program;
  const personnel = personnelCost(sheet);
  if (personnel.value === null) return personnel;
  const other = sheet.otherCost;
  const label = sheet.otherCostLabel ?? 'その他のコスト';
  const value = program.value + personnel.value + (other ?? 0);
  const otherJa = other === null ? '' : ` + ${label} ${yen(other)}`;
  const otherEn = other === null ? '' : ` + ${sheet.otherCostLabel ?? 'other cost'} ${other} yen`;
  return amount(
    value,
    `トータルコスト = 事業費 ${program.text} + 人件費 ${personnel.text}${otherJa}（${program.rule}、${personnel.rule}）`,
    `Total cost = program cost ${program.value} yen + personnel cost ${personnel.value} yen${otherEn}`,
  );
}

/** The indicator's observed value in the sheet's fiscal year (the last one when several fall in it). */
function valueInYear(indicator: Indicator, fiscalYear: number) {
  return indicator.observations.filter((o) => fiscalYearOfDate(o.date) === fiscalYear).at(-1) ?? null;
}

/**
 * 単位コスト = トータルコスト ÷ the activity indicator's value that year, rounded to the yen.
 * @example unitCost(sheet, visits /* 240件 in FY2019 *\/).text // "65,833円" (15,800,000 ÷ 240)
 */
export function unitCost(sheet: ProgramSheet, indicator: Indicator): FigureResult {
  const total = totalCost(sheet);
  if (total.value === null) return total;
  const point = valueInYear(indicator, sheet.fiscalYear);
  if (!point) return missing('no_observation');
  if (point.value === 0) return missing('zero_actual');
  const value = roundTo(total.value / point.value, 0);
  const per = `${formatAmount(point.value, indicator.unit)}`;
  return computed({
    value,
    unit: `円/${indicator.unit}`,
    text: `${formatAmount(value, '円')}（1${indicator.unit}あたり）`,
    rule: `単位コスト = トータルコスト ${total.text} ÷ ${indicator.name} ${per}（${sheet.fiscalYear}年度、円未満四捨五入）`,
    ruleEn: `Unit cost = total cost ${total.value} yen ÷ ${indicator.nameEn ?? indicator.name} ${point.value} (FY${sheet.fiscalYear}, rounded to the yen)`,
    to: point,
  });
}

/**
 * 執行率 = 決算 ÷ 最終予算 × 100.
 * @example executionRate({ settlement: 11_400_000, budgetFinal: 12_000_000, … }).text // "95.0%"
 */
export function executionRate(sheet: ProgramSheet): FigureResult {
  if (sheet.budgetFinal === null) return missing('no_budget');
  if (sheet.settlement === null) return missing('no_settlement');
  if (sheet.budgetFinal === 0) return missing('zero_baseline');
  const value = (sheet.settlement / sheet.budgetFinal) * 100;
  return computed({
    value,
    unit: '%',
    text: formatRate(value),
    rule: `執行率 = 決算額 ${yen(sheet.settlement)} ÷ 最終予算額 ${yen(sheet.budgetFinal)} × 100（${sheet.fiscalYear}年度）`,
    ruleEn: `Execution rate = settlement ${sheet.settlement} yen ÷ final budget ${sheet.budgetFinal} yen × 100 (FY${sheet.fiscalYear})`,
  });
}

/** What a year-on-year change compares. */
export const yearOnYearMeasures = ['totalCost', 'programCost', 'settlement', 'budgetInitial'] as const;
export type YearOnYearMeasure = (typeof yearOnYearMeasures)[number];

const measureWords: Record<YearOnYearMeasure, { ja: string; en: string }> = {
  totalCost: { ja: 'トータルコスト', en: 'total cost' },
  programCost: { ja: '事業費', en: 'program cost' },
  settlement: { ja: '決算額', en: 'settlement' },
  budgetInitial: { ja: '当初予算額', en: 'initial budget' },
};

function measureOf(sheet: ProgramSheet, measure: YearOnYearMeasure): FigureResult {
  if (measure === 'totalCost') return totalCost(sheet);
  if (measure === 'programCost') return programCost(sheet);
  const value = sheet[measure];
  if (value === null) return missing(measure === 'settlement' ? 'no_settlement' : 'no_budget');
  return amount(
    value,
    `${measureWords[measure].ja} ${yen(value)}`,
    `${measureWords[measure].en} ${value} yen`,
  );
}

/**
 * 前年度比: (this year − the year before) ÷ the year before × 100, of one measure, from the program's sheets.
 * @example yearOnYear(sheets, 2020, 'settlement').text // "+5.3%"
 */
export function yearOnYear(
  sheets: readonly ProgramSheet[],
  fiscalYear: number,
  measure: YearOnYearMeasure = 'totalCost',
): FigureResult {
  const current = sheets.find((s) => s.fiscalYear === fiscalYear);
  const previous = sheets.find((s) => s.fiscalYear === fiscalYear - 1);
  if (!current) return missing(measure === 'settlement' ? 'no_settlement' : 'no_cost');
  if (!previous) return missing('no_previous_year');
  const now = measureOf(current, measure);
  if (now.value === null) return now;
  const before = measureOf(previous, measure);
  if (before.value === null) return missing('no_previous_year');
  if (before.value === 0) return missing('zero_baseline');
  const value = ((now.value - before.value) / Math.abs(before.value)) * 100;
  const words = measureWords[measure];
  return computed({
    value,
    unit: '%',
    text: formatPercentChange(value),
    rule: `前年度比 = (${fiscalYear}年度 ${now.text} − ${fiscalYear - 1}年度 ${before.text}) ÷ ${fiscalYear - 1}年度 × 100（${words.ja}）`,
    ruleEn: `Year-on-year change = (FY${fiscalYear} ${now.value} yen − FY${fiscalYear - 1} ${before.value} yen) ÷ FY${fiscalYear - 1} × 100 (${words.en})`,
  });
}
