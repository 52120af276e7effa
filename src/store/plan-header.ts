/** Reads plan headers (a plan without its tree, with its organization), the rows of `listPlans`. */
import type { Kysely } from 'kysely';
import { sourceColumns } from './records/source-rows.ts';
import type { Database } from './schema.ts';

/** Plans joined with their organization and source, ordered by organization, then publication date. */
export function planHeaderQuery(db: Kysely<Database>) {
  return db
    .selectFrom('plan')
    .innerJoin('organization as org', 'org.id', 'plan.organization_id')
    .innerJoin('source as src', 'src.id', 'plan.source_id')
    .selectAll('plan')
    .select([
      'org.name as organization_name',
      'org.name_en as organization_name_en',
      'org.municipality_code as organization_municipality_code',
    ])
    .select(sourceColumns)
    .orderBy('plan.organization_id')
    .orderBy('plan.published_on')
    .orderBy('plan.id');
}
