/** One file row's line in an import report, and the order reports list rows in: both table importers use these. */
import type { ImportRowPlan } from './import-report.ts';
import type { RecordChange } from './record-change.ts';

/** Sheet by sheet, then row by row. */
export const byPlace = (a: ImportRowPlan, b: ImportRowPlan) =>
  (a.sheet === b.sheet ? 0 : (a.sheet ?? '').localeCompare(b.sheet ?? '')) || a.row - b.row;

/** The report's line for a planned change: where it came from and what it does. */
export function rowPlan(c: RecordChange): ImportRowPlan {
  const row: ImportRowPlan = {
    file: c.place.file,
    row: c.place.row,
    entity: c.entity,
    id: c.id,
    planId: c.planId,
    action: c.action,
    changedFields: c.changedFields,
  };
  if (c.place.sheet !== undefined) row.sheet = c.place.sheet;
  return row;
}
