/** A figure a source reports beside an indicator (a rank, a count) ↔ its `reported_figure` row. */
import type { Selectable } from 'kysely';
import type { ReportedFigure } from '../../domain/model.ts';
import type { ReportedFigureTable } from '../schema.ts';
import { requiredSourceFromRow } from './source-rows.ts';

type WithSource = Parameters<typeof requiredSourceFromRow>[0];

/** The row's own columns (no id, source, version or stamps). */
export function reportedFigureToRow(r: ReportedFigure, indicatorId: string, position: number) {
  return {
    indicator_id: indicatorId,
    position,
    kind: r.kind,
    value: r.value,
    unit: r.unit,
    text: r.text,
    date: r.date,
    qualifier: r.qualifier,
  };
}

export function reportedFigureFromRow(row: Selectable<ReportedFigureTable> & WithSource): ReportedFigure {
  return {
    kind: row.kind as ReportedFigure['kind'],
    value: Number(row.value),
    unit: row.unit,
    text: row.text,
    date: row.date,
    qualifier: row.qualifier as ReportedFigure['qualifier'],
    source: requiredSourceFromRow(row),
  };
}
