/**
 * Plausibility warnings for a 事務事業評価 sheet's money: a settlement more than twice the final budget (a digit or
 * a 千円 column typed in yen), and a negative amount where only a補正 may be negative. Pure: no I/O.
 */
import type { ProgramSheet } from './model.ts';

export const programSheetRules = ['settlement-over-budget', 'negative-amount'] as const;
export type ProgramSheetRule = (typeof programSheetRules)[number];

export interface ProgramSheetWarning {
  rule: ProgramSheetRule;
  /** The field of the sheet the warning is about. */
  field: string;
  messageJa: string;
  messageEn: string;
}

const amountFields = [
  ['budgetInitial', '当初予算'],
  ['budgetFinal', '最終予算'],
  ['settlement', '決算'],
  ['fundingNational', '国庫支出金'],
  ['fundingPrefectural', '県支出金'],
  ['fundingBonds', '地方債'],
  ['fundingOther', 'その他財源'],
  ['fundingGeneral', '一般財源'],
  ['personnelCost', '人件費'],
  ['averageSalary', '平均給与'],
  ['otherCost', 'その他のコスト'],
] as const;

const yen = (value: number) => `${value.toLocaleString('ja-JP')}円`;

/**
 * Every warning a sheet earns, settlement first.
 * @example programSheetWarnings({ budgetFinal: 100, settlement: 300, … })[0].rule // 'settlement-over-budget'
 */
export function programSheetWarnings(
  sheet: Pick<ProgramSheet, (typeof amountFields)[number][0]>,
): ProgramSheetWarning[] {
  const warnings: ProgramSheetWarning[] = [];
  if (sheet.settlement !== null && sheet.budgetFinal !== null && sheet.budgetFinal > 0) {
    if (sheet.settlement > sheet.budgetFinal * 2)
      warnings.push({
        rule: 'settlement-over-budget',
        field: 'settlement',
        messageJa: `決算 (${yen(sheet.settlement)}) が最終予算 (${yen(sheet.budgetFinal)}) の2倍を超えています`,
        messageEn: `the settlement (${sheet.settlement} yen) is over twice the final budget (${sheet.budgetFinal} yen)`,
      });
  }
  for (const [field, label] of amountFields) {
    const value = sheet[field];
    if (value !== null && value < 0)
      warnings.push({
        rule: 'negative-amount',
        field,
        messageJa: `${label}が負の額です (${yen(value)})`,
        messageEn: `a negative amount in ${field} (${value} yen)`,
      });
  }
  return warnings;
}
