/** Reads plan headers (a plan without its tree, with its organization), the rows of `listPlans`. */
import type { Kysely, Selectable } from 'kysely';
import type { Plan, RatingScale, StatusDefinition } from '../domain/model.ts';
import type { PlanHeader } from './read-store.ts';
import type { Database, OrganizationTable, PlanTable } from './schema.ts';
import { requiredSourceFromRow, sourceColumns } from './source-rows.ts';
import { optionalText, parseJsonColumn, withoutUndefined } from './values.ts';

/** Plans joined with their organization and source, ordered by organization, then publication date. */
export function planHeaderQuery(db: Kysely<Database>) {
  return db
    .selectFrom('plan')
    .innerJoin('organization as org', 'org.id', 'plan.organization_id')
    .innerJoin('source as src', 'src.id', 'plan.source_id')
    .selectAll('plan')
    .select(['org.name as organization_name', 'org.municipality_code as organization_municipality_code'])
    .select(sourceColumns)
    .orderBy('plan.organization_id')
    .orderBy('plan.published_on')
    .orderBy('plan.id');
}

type PlanHeaderRow = Selectable<PlanTable> & {
  organization_name: Selectable<OrganizationTable>['name'];
  organization_municipality_code: string | null;
} & Parameters<typeof requiredSourceFromRow>[0];

export function planHeaderFromRow(row: PlanHeaderRow): PlanHeader {
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
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      municipalityCode: row.organization_municipality_code,
    },
  });
}
