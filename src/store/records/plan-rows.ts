/** A plan ↔ its `plan` row: the one place the columns and the fields meet. */
import type { Selectable } from 'kysely';
import type { PlanRecord } from '../../domain/editing/records.ts';
import type { Plan, PlanFigure, RatingScale, StatusDefinition } from '../../domain/model.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import type { PlanHeader } from '../read-store.ts';
import type { OrganizationTable, PlanTable } from '../schema.ts';
import { optionalText, parseJsonColumn, withoutUndefined } from '../values.ts';
import { requiredSourceFromRow } from './source-rows.ts';

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The row's own columns (no id, source, version or stamps). */
export function planToRow(p: PlanRecord) {
  return {
    organization_id: p.organizationId,
    title: p.title,
    title_en: p.titleEn ?? null,
    subtitle: p.subtitle ?? null,
    kind: p.kind,
    period_start: p.periodStart,
    period_end: p.periodEnd,
    published_at: p.publishedAt,
    published_on: parsePartialDate(p.publishedAt)?.start ?? p.publishedAt,
    summary: p.summary ?? null,
    status_vocabulary: json(p.statusVocabulary),
    achievement_formula: p.achievementFormula,
    rating_scale: json(p.ratingScale),
    follows: p.follows,
    reported: p.reported && p.reported.length > 0 ? JSON.stringify(p.reported) : null,
  };
}

/** A plan row joined with its organization's name and code and its source (as `src`). */
export type PlanHeaderRow = Selectable<PlanTable> & {
  organization_name: Selectable<OrganizationTable>['name'];
  organization_name_en: string | null;
  organization_municipality_code: string | null;
} & Parameters<typeof requiredSourceFromRow>[0];

/** The plan without its tree, with its organization. */
export function planFromRow(row: PlanHeaderRow): PlanHeader {
  return withoutUndefined({
    id: row.id,
    title: row.title,
    titleEn: optionalText(row.title_en),
    subtitle: optionalText(row.subtitle),
    kind: row.kind as Plan['kind'],
    periodStart: row.period_start,
    periodEnd: row.period_end,
    publishedAt: row.published_at,
    summary: optionalText(row.summary),
    source: requiredSourceFromRow(row),
    statusVocabulary: parseJsonColumn<StatusDefinition[]>(row.status_vocabulary),
    achievementFormula: row.achievement_formula as Plan['achievementFormula'],
    ratingScale: parseJsonColumn<RatingScale>(row.rating_scale),
    follows: row.follows,
    reported: parseJsonColumn<PlanFigure[]>(row.reported) ?? undefined,
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      ...(row.organization_name_en ? { nameEn: row.organization_name_en } : {}),
      municipalityCode: row.organization_municipality_code,
    },
  });
}

/** The same row as a flat record. */
export function planRecordFromRow(row: PlanHeaderRow): PlanRecord {
  const { organization, ...fields } = planFromRow(row);
  return { ...fields, organizationId: organization.id };
}
