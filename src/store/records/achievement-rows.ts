/** An achievement ↔ its `achievement` row: the one place the columns and the fields meet. */
import type { Selectable } from 'kysely';
import type { AchievementRecord } from '../../domain/editing/records.ts';
import type { Achievement } from '../../domain/model.ts';
import type { AchievementTable } from '../schema.ts';
import { fromBoolean, optionalText, toBoolean, toNumber, withoutUndefined } from '../values.ts';
import { requiredSourceFromRow } from './source-rows.ts';

type AchievementRow = Selectable<AchievementTable> & Parameters<typeof requiredSourceFromRow>[0];

/** The row's own columns (no id, source, version or stamps). */
export function achievementToRow(a: AchievementRecord) {
  return {
    node_id: a.nodeId,
    position: a.position,
    title: a.title,
    date: a.date,
    date_basis: a.dateBasis,
    highlight: fromBoolean(a.highlight),
    details: JSON.stringify(a.details),
    note: a.note ?? null,
  };
}

/** The model's achievement of a row joined with its source (as `src`). */
export function achievementFromRow(row: AchievementRow): Achievement {
  return withoutUndefined({
    id: row.id,
    title: row.title,
    date: row.date,
    dateBasis: row.date_basis as Achievement['dateBasis'],
    highlight: toBoolean(row.highlight),
    details: JSON.parse(row.details) as string[],
    note: optionalText(row.note),
    source: requiredSourceFromRow(row),
  });
}

/** The same row as a flat record, with where it sits. */
export function achievementRecordFromRow(row: AchievementRow): AchievementRecord {
  return { ...achievementFromRow(row), nodeId: row.node_id, position: toNumber(row.position) };
}
