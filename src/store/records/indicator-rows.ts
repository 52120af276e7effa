/** An indicator ↔ its `indicator` row: the one place the columns and the fields meet. */
import type { Selectable } from 'kysely';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import type { IndicatorRecord } from '../../domain/editing/records.ts';
import type { Indicator } from '../../domain/model.ts';
import type { IndicatorTable } from '../schema.ts';
import { fromBoolean, optionalText, toBoolean, toNumber, withoutUndefined } from '../values.ts';

/** The row's own columns (no id, version or stamps), its comparison key derived from its definition. */
export function indicatorToRow(i: IndicatorRecord) {
  return {
    node_id: i.nodeId,
    position: i.position,
    name: i.name,
    name_en: i.nameEn ?? null,
    unit: i.unit,
    kind: i.kind,
    direction: i.direction,
    cumulative: fromBoolean(i.cumulative),
    highlight: fromBoolean(i.highlight),
    achievement_formula: i.achievementFormula,
    description: i.description ?? null,
    comparison_key: comparisonKeyOf(i),
  };
}

/** The columns indicatorFromRow reads: a read of many indicators selects these, not the version and stamps. */
export const indicatorModelColumns = [
  'id',
  'node_id',
  'name',
  'name_en',
  'unit',
  'kind',
  'direction',
  'cumulative',
  'highlight',
  'achievement_formula',
  'description',
] as const;

/** The model's indicator from its row and its values (read from their own rows). */
export function indicatorFromRow(
  row: Pick<Selectable<IndicatorTable>, (typeof indicatorModelColumns)[number]>,
  values: Pick<Indicator, 'baseline' | 'target' | 'observations' | 'reported'>,
): Indicator {
  return withoutUndefined({
    id: row.id,
    name: row.name,
    nameEn: optionalText(row.name_en),
    unit: row.unit,
    kind: row.kind as Indicator['kind'],
    direction: row.direction as Indicator['direction'],
    cumulative: toBoolean(row.cumulative),
    highlight: toBoolean(row.highlight),
    achievementFormula: row.achievement_formula as Indicator['achievementFormula'],
    ...values,
    description: optionalText(row.description),
  });
}

const noValues = { baseline: null, target: null, observations: [], reported: [] };

/** The row as a flat record: the indicator without its values, with where it sits. */
export function indicatorRecordFromRow(row: Selectable<IndicatorTable>): IndicatorRecord {
  const {
    baseline: _b,
    target: _t,
    observations: _o,
    reported: _r,
    ...fields
  } = indicatorFromRow(row, noValues);
  return { ...fields, nodeId: row.node_id, position: toNumber(row.position) };
}
