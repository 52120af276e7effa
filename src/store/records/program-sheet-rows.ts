/** A 事務事業評価 sheet ↔ its `program_sheet` row: the one place the columns and the fields meet. */
import type { Selectable } from 'kysely';
import type { ProgramSheetRecord } from '../../domain/editing/records.ts';
import type { ProgramFigure, ProgramSheet } from '../../domain/model.ts';
import type { ProgramSheetTable } from '../schema.ts';
import { nullableNumber, optionalText, toNumber, withoutUndefined } from '../values.ts';
import { requiredSourceFromRow } from './source-rows.ts';

type ProgramSheetRow = Selectable<ProgramSheetTable> & Parameters<typeof requiredSourceFromRow>[0];

/** The row's own columns (no id, source, version or stamps). */
export function programSheetToRow(s: ProgramSheetRecord) {
  return {
    node_id: s.nodeId,
    position: s.position,
    fiscal_year: s.fiscalYear,
    target: s.target ?? null,
    intent: s.intent ?? null,
    means: s.means ?? null,
    target_indicator_ids: JSON.stringify(s.targetIndicatorIds),
    activity_indicator_ids: JSON.stringify(s.activityIndicatorIds),
    outcome_indicator_ids: JSON.stringify(s.outcomeIndicatorIds),
    unit_cost_indicator_id: s.unitCostIndicatorId,
    budget_initial: s.budgetInitial,
    budget_supplementary: s.budgetSupplementary,
    budget_final: s.budgetFinal,
    settlement: s.settlement,
    funding_national: s.fundingNational,
    funding_prefectural: s.fundingPrefectural,
    funding_bonds: s.fundingBonds,
    funding_other: s.fundingOther,
    funding_general: s.fundingGeneral,
    personnel_cost: s.personnelCost,
    staff_years: s.staffYears,
    average_salary: s.averageSalary,
    other_cost: s.otherCost,
    other_cost_label: s.otherCostLabel ?? null,
    reported: JSON.stringify(s.reported),
    note: s.note ?? null,
  };
}

/** The model's sheet of a row joined with its source (as `src`); bigint strings from pg become numbers here. */
export function programSheetFromRow(row: ProgramSheetRow): ProgramSheet {
  return withoutUndefined({
    id: row.id,
    fiscalYear: toNumber(row.fiscal_year),
    target: optionalText(row.target),
    intent: optionalText(row.intent),
    means: optionalText(row.means),
    targetIndicatorIds: JSON.parse(row.target_indicator_ids) as string[],
    activityIndicatorIds: JSON.parse(row.activity_indicator_ids) as string[],
    outcomeIndicatorIds: JSON.parse(row.outcome_indicator_ids) as string[],
    unitCostIndicatorId: row.unit_cost_indicator_id,
    budgetInitial: nullableNumber(row.budget_initial),
    budgetSupplementary: nullableNumber(row.budget_supplementary),
    budgetFinal: nullableNumber(row.budget_final),
    settlement: nullableNumber(row.settlement),
    fundingNational: nullableNumber(row.funding_national),
    fundingPrefectural: nullableNumber(row.funding_prefectural),
    fundingBonds: nullableNumber(row.funding_bonds),
    fundingOther: nullableNumber(row.funding_other),
    fundingGeneral: nullableNumber(row.funding_general),
    personnelCost: nullableNumber(row.personnel_cost),
    staffYears: nullableNumber(row.staff_years),
    averageSalary: nullableNumber(row.average_salary),
    otherCost: nullableNumber(row.other_cost),
    otherCostLabel: optionalText(row.other_cost_label),
    reported: JSON.parse(row.reported) as ProgramFigure[],
    note: optionalText(row.note),
    source: requiredSourceFromRow(row),
  });
}

/** The same row as a flat record, with where it sits. */
export function programSheetRecordFromRow(row: ProgramSheetRow): ProgramSheetRecord {
  return { ...programSheetFromRow(row), nodeId: row.node_id, position: toNumber(row.position) };
}
