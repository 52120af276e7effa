/**
 * The money of one 事務事業評価 sheet. FIXTURE: a made-up 相談支援事業 whose numbers were chosen so every figure
 * can be redone by hand (they describe no real program; the demo's real sheets are tested with the demo):
 * FY2023 当初 12,000千円 + 補正 1,500千円 = 最終 13,500千円, 決算 12,825千円 funded 国 4,000 + 県 2,000 + その他 325 +
 * 一般財源 6,500 (千円), 人工 1.2 × 平均給与 7,800千円, 相談件数 1,479件; FY2022 決算 12,150千円, 人件費 9,000千円.
 */
import { describe, expect, it } from 'vitest';
import { indicator, point } from '../../../test/helpers/figure-fixtures.ts';
import { type ProgramSheet, programSheetSchema } from '../model.ts';
import {
  executionRate,
  personnelCost,
  programCost,
  totalCost,
  unitCost,
  yearOnYear,
} from './program-cost.ts';
import { besideReported, printedTolerance } from './reported-beside.ts';

const source = { documentId: 'fixture-sheet' };

const fy2023: ProgramSheet = programSheetSchema.parse({
  id: 'consultation.fy2023',
  fiscalYear: 2023,
  budgetInitial: 12_000_000,
  budgetSupplementary: 1_500_000,
  budgetFinal: 13_500_000,
  settlement: 12_825_000,
  fundingNational: 4_000_000,
  fundingPrefectural: 2_000_000,
  fundingOther: 325_000,
  fundingGeneral: 6_500_000,
  staffYears: 1.2,
  averageSalary: 7_800_000,
  reported: [
    { kind: 'totalCost', value: 22_185_000, unit: '円', text: '22,185千円' },
    { kind: 'unitCost', value: 15_100, unit: '円', text: '15,100円' },
    { kind: 'executionRate', value: 95, unit: '%', text: '95.0%' },
  ],
  source,
});

const fy2022: ProgramSheet = programSheetSchema.parse({
  id: 'consultation.fy2022',
  fiscalYear: 2022,
  budgetFinal: 12_600_000,
  settlement: 12_150_000,
  personnelCost: 9_000_000,
  source,
});

const consultations = indicator({
  id: 'consultations',
  name: '相談件数',
  nameEn: 'Consultations',
  unit: '件',
  kind: 'output',
  direction: 'increase',
  observations: [point(1_350, 'FY2022'), point(1_479, 'FY2023')],
});

describe('programCost', () => {
  it('adds the funding sources when the sheet gives them', () => {
    const figure = programCost(fy2023);
    expect(figure).toMatchObject({ value: 12_825_000, unit: '円', text: '1,282万5,000円' });
    expect(figure.value === null ? '' : figure.rule).toBe(
      '事業費 = 国庫支出金 400万円 + 県支出金 200万円 + その他 32万5,000円 + 一般財源 650万円',
    );
    expect(figure.value === null ? '' : figure.ruleEn).toContain('national funds 4000000 yen');
  });

  it('falls back to the settlement, then the final budget, and says which', () => {
    expect(programCost(fy2022)).toMatchObject({ value: 12_150_000, rule: '事業費 = 決算額 1,215万円' });
    const unsettled = { ...fy2022, settlement: null };
    expect(programCost(unsettled)).toMatchObject({
      value: 12_600_000,
      rule: '事業費 = 最終予算額 1,260万円（決算前）',
    });
    expect(programCost({ ...unsettled, budgetFinal: null })).toMatchObject({
      value: null,
      reason: 'no_cost',
    });
  });
});

describe('personnelCost', () => {
  it('multiplies staff years by the stated average salary', () => {
    expect(personnelCost(fy2023)).toMatchObject({
      value: 9_360_000,
      rule: '人件費 = 人工 1.2 × 平均給与 780万円（円未満四捨五入）',
    });
  });

  it('takes a stated amount first, and has no value without either', () => {
    expect(personnelCost(fy2022)).toMatchObject({ value: 9_000_000, rule: '人件費 = 記載額 900万円' });
    expect(personnelCost({ ...fy2023, averageSalary: null })).toMatchObject({ reason: 'no_personnel_cost' });
  });
});

describe('totalCost', () => {
  it('is program cost plus personnel cost', () => {
    const figure = totalCost(fy2023);
    expect(figure).toMatchObject({ value: 22_185_000, text: '2,218万5,000円' });
    expect(figure.value === null ? '' : figure.rule).toMatch(
      /^トータルコスト = 事業費 1,282万5,000円 \+ 人件費 936万円/,
    );
    expect(figure.value === null ? '' : figure.ruleEn).toBe(
      'Total cost = program cost 12825000 yen + personnel cost 9360000 yen',
    );
  });

  it('adds what else the organization counts in, in its words', () => {
    const figure = totalCost({ ...fy2023, otherCost: 1_015_000, otherCostLabel: '減価償却費' });
    expect(figure.value).toBe(23_200_000);
    expect(figure.value === null ? '' : figure.rule).toContain('+ 減価償却費 101万5,000円');
  });

  it('has no value when a part is missing', () => {
    expect(totalCost({ ...fy2023, staffYears: null })).toMatchObject({
      value: null,
      reason: 'no_personnel_cost',
    });
  });
});

describe('unitCost', () => {
  it('divides the total cost by the activity indicator of the same fiscal year', () => {
    const figure = unitCost(fy2023, consultations);
    expect(figure).toMatchObject({ value: 15_000, unit: '円/件', text: '1万5,000円（1件あたり）' });
    expect(figure.value === null ? '' : figure.rule).toBe(
      '単位コスト = トータルコスト 2,218万5,000円 ÷ 相談件数 1,479件（2023年度、円未満四捨五入）',
    );
    expect(figure.value === null ? '' : figure.ruleEn).toBe(
      'Unit cost = total cost 22185000 yen ÷ Consultations 1479 (FY2023, rounded to the yen)',
    );
  });

  it('has no value without an observation that year, or with zero', () => {
    expect(unitCost({ ...fy2023, fiscalYear: 2024 }, consultations)).toMatchObject({
      reason: 'no_observation',
    });
    const none = { ...consultations, observations: [point(0, 'FY2023')] };
    expect(unitCost(fy2023, none)).toMatchObject({ reason: 'zero_actual' });
  });
});

describe('executionRate', () => {
  it('is settlement over final budget', () => {
    const figure = executionRate(fy2023);
    expect(figure).toMatchObject({ value: 95, unit: '%', text: '95.0%' });
    expect(figure.value === null ? '' : figure.rule).toBe(
      '執行率 = 決算額 1,282万5,000円 ÷ 最終予算額 1,350万円 × 100（2023年度）',
    );
    expect(figure.value === null ? '' : figure.ruleEn).toBe(
      'Execution rate = settlement 12825000 yen ÷ final budget 13500000 yen × 100 (FY2023)',
    );
  });

  it('needs both, and a non-zero budget', () => {
    expect(executionRate({ ...fy2023, budgetFinal: null })).toMatchObject({ reason: 'no_budget' });
    expect(executionRate({ ...fy2023, settlement: null })).toMatchObject({ reason: 'no_settlement' });
    expect(executionRate({ ...fy2023, budgetFinal: 0 })).toMatchObject({ reason: 'zero_baseline' });
  });
});

describe('yearOnYear', () => {
  it('compares total cost with the fiscal year before', () => {
    const figure = yearOnYear([fy2022, fy2023], 2023);
    // (22,185,000 − 21,150,000) ÷ 21,150,000 = 4.8936…%
    expect(figure).toMatchObject({ unit: '%', text: '+4.9%' });
    expect(figure.value).toBeCloseTo(4.8936, 4);
    expect(figure.value === null ? '' : figure.rule).toBe(
      '前年度比 = (2023年度 2,218万5,000円 − 2022年度 2,115万円) ÷ 2022年度 × 100（トータルコスト）',
    );
  });

  it('compares settlements, and says when there is no year before', () => {
    // (12,825,000 − 12,150,000) ÷ 12,150,000 = 5.5555…%
    expect(yearOnYear([fy2022, fy2023], 2023, 'settlement')).toMatchObject({ text: '+5.6%' });
    expect(yearOnYear([fy2023], 2023)).toMatchObject({ value: null, reason: 'no_previous_year' });
  });
});

describe('a printed figure beside the computed one', () => {
  const printed = (kind: string) => fy2023.reported.find((r) => r.kind === kind) ?? null;

  it('agrees when the computed value rounds to the print', () => {
    expect(besideReported(totalCost(fy2023), printed('totalCost'))).toMatchObject({
      agrees: true,
      difference: 0,
    });
    expect(besideReported(executionRate(fy2023), printed('executionRate'))).toMatchObject({ agrees: true });
  });

  it('keeps a printed figure that does not follow from its parts, with the difference', () => {
    const beside = besideReported(unitCost(fy2023, consultations), printed('unitCost'));
    expect(beside).toMatchObject({ agrees: false, difference: -100, reported: { text: '15,100円' } });
    expect(beside.computed.value).toBe(15_000);
  });

  it('rounds at the printed precision: 千円 tables to ±500 yen, one decimal to ±0.05', () => {
    expect(printedTolerance({ value: 22_185_000, unit: '円', text: '22,185千円' })).toBe(500);
    expect(printedTolerance({ value: 95, unit: '%', text: '95.0%' })).toBeCloseTo(0.05);
    expect(
      besideReported(totalCost(fy2023), { value: 22_186_000, unit: '円', text: '22,186千円' }).agrees,
    ).toBe(false);
  });
});
