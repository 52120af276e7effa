/**
 * One indicator definition across organizations: each organization's latest published observation under a
 * comparison key, ranked by the domain's rule. Reads only the published tables (drafts live in draft_change), through
 * `indicator_comparison_key_idx` and, for each indicator's last 年度, `indicator_value_series_idx`.
 *
 * @example await compareIndicator(db, 'd-…', { codes: ['162094', '202088'] })
 */
import type { Kysely } from 'kysely';
import { comparableCountLimit, rankingRuleOf, rankValues } from '../../domain/comparison/index.ts';
import type { Indicator } from '../../domain/model.ts';
import { comparePartialDates, type PartialDate, parsePartialDate } from '../../domain/partial-date.ts';
import { indicatorValueFromRow } from '../records/indicator-value-rows.ts';
import { sourceColumns } from '../records/source-rows.ts';
import type { Database } from '../schema.ts';
import { optionalText, toNumber } from '../values.ts';
import type { ComparedValue, Comparison, ComparisonOptions } from './contract.ts';

/** Candidate rows: per indicator, its observations of the last 年度 and those without one (undated, calendar year). */
export function comparisonQuery(db: Kysely<Database>, key: string, options: ComparisonOptions = {}) {
  const { codes, prefecture } = options;
  return db
    .selectFrom('indicator as i')
    .innerJoin('node as n', 'n.id', 'i.node_id')
    .innerJoin('plan as p', 'p.id', 'n.plan_id')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .innerJoin('indicator_value as v', 'v.indicator_id', 'i.id')
    .innerJoin('source as src', 'src.id', 'v.source_id')
    .select([
      'i.id as indicator_id',
      'i.name as indicator_name',
      'i.name_en as indicator_name_en',
      'i.unit',
      'i.kind',
      'i.direction',
      'i.position as indicator_position',
      'n.id as node_id',
      'p.id as plan_id',
      'p.published_on',
      'o.id as organization_id',
      'o.name as organization_name',
      'o.name_en as organization_name_en',
      'o.municipality_code',
      'v.id',
      'v.role',
      'v.position',
      'v.value',
      'v.text',
      'v.date',
      'v.qualifier',
      'v.out_of',
      'v.rank_of',
      'v.note',
      ...sourceColumns,
    ])
    .where('i.comparison_key', '=', key)
    .where('v.role', '=', 'observation')
    .where((eb) =>
      eb.or([
        eb('v.fiscal_year', 'is', null),
        eb(
          'v.fiscal_year',
          '=',
          eb
            .selectFrom('indicator_value as last')
            .select((l) => l.fn.max('last.fiscal_year').as('fy'))
            .whereRef('last.indicator_id', '=', 'i.id')
            .where('last.role', '=', 'observation'),
        ),
      ]),
    )
    .$if(codes !== undefined, (q) => q.where('o.municipality_code', 'in', codes as string[]))
    .$if(prefecture !== undefined, (q) => q.where('o.municipality_code', 'like', `${prefecture}%`));
}

type Row = Awaited<ReturnType<ReturnType<typeof comparisonQuery>['execute']>>[number];

interface Candidate {
  row: Row;
  date: PartialDate | null;
}

// Undated counts as oldest; of equal dates the one met later wins (rows come in plan, indicator, value order).
function later(a: Candidate, b: Candidate): boolean {
  if (a.date === null || b.date === null) return a.date !== null || b.date === null;
  return comparePartialDates(a.date, b.date) >= 0;
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? '';
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

function comparedValue(row: Row): ComparedValue {
  return {
    organization: {
      id: row.organization_id,
      name: row.organization_name,
      ...(row.organization_name_en !== null && { nameEn: row.organization_name_en }),
      municipalityCode: row.municipality_code,
    },
    planId: row.plan_id,
    nodeId: row.node_id,
    indicator: {
      id: row.indicator_id,
      name: row.indicator_name,
      ...(optionalText(row.indicator_name_en) !== undefined && { nameEn: row.indicator_name_en as string }),
      unit: row.unit,
      direction: row.direction as Indicator['direction'],
    },
    observation: indicatorValueFromRow(row),
  };
}

/** The comparison, or undefined when no published indicator with a value has the key (whatever the filter). */
export async function compareIndicator(
  db: Kysely<Database>,
  key: string,
  options: ComparisonOptions = {},
): Promise<Comparison | undefined> {
  const perPage = options.perPage ?? 20;
  const page = options.page ?? 1;
  const rows = await comparisonQuery(db, key, options)
    .orderBy('p.published_on')
    .orderBy('i.position')
    .orderBy('i.id')
    .orderBy('v.position')
    .execute();
  const latest = new Map<string, Candidate>();
  for (const row of rows) {
    const candidate = { row, date: row.date === null ? null : parsePartialDate(row.date) };
    const held = latest.get(row.organization_id);
    if (held === undefined || later(candidate, held)) latest.set(row.organization_id, candidate);
  }
  const chosen = [...latest.values()].map((c) => c.row);
  // With no organization left by the filter, the definition still names itself from the others.
  const definitionRows = chosen.length > 0 ? chosen : await comparisonQuery(db, key).limit(50).execute();
  if (definitionRows.length === 0) return undefined;
  const rule = rankingRuleOf(chosen.map((r) => r.direction as Indicator['direction']));
  const ranked = rankValues(
    chosen.map((row) => ({
      ...comparedValue(row),
      value: toNumber(row.value),
      tieBreak: row.municipality_code ?? row.organization_id,
    })),
    rule,
  );
  const found = new Set(chosen.map((r) => r.municipality_code));
  const pageCount = Math.max(1, Math.ceil(ranked.length / perPage));
  return {
    key,
    definition: {
      name: mostCommon(definitionRows.map((r) => r.indicator_name)),
      unit: mostCommon(definitionRows.map((r) => r.unit)),
      kind: mostCommon(definitionRows.map((r) => r.kind)) as Indicator['kind'],
    },
    spellings: [...new Set([...rows, ...definitionRows].map((r) => r.indicator_name))].sort(),
    rule,
    datesDiffer: new Set(chosen.map((r) => r.date)).size > 1,
    total: ranked.length,
    page,
    pageCount,
    perPage,
    entries: ranked.slice((page - 1) * perPage, page * perPage),
    missingCodes: (options.codes ?? []).filter((c) => !found.has(c)),
  };
}

// Indicators sampled per organization counted: a city reports a definition in a plan or two; the national
// benchmark's synthetic plans repeat each of theirs in about six policies.
const sampledRowsPerOrganization = 8;

/** Indicators under `keys` of organizations other than `organizationId` that have an observation. */
function comparableIndicators(db: Kysely<Database>, keys: readonly string[], organizationId: string) {
  return db
    .selectFrom('indicator as i')
    .innerJoin('node as n', 'n.id', 'i.node_id')
    .innerJoin('plan as p', 'p.id', 'n.plan_id')
    .where('i.comparison_key', 'in', [...keys])
    .where('p.organization_id', '<>', organizationId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('indicator_value as v')
          .select('v.id')
          .whereRef('v.indicator_id', '=', 'i.id')
          .where('v.role', '=', 'observation'),
      ),
    );
}

/**
 * Per key, the organizations among its first `limit × 8` comparable indicators and how many of those each has: one
 * query, a limited index scan per key (undefined for no keys).
 */
export function comparableSample(
  db: Kysely<Database>,
  keys: readonly string[],
  organizationId: string,
  limit: number,
) {
  const [first, ...rest] = keys.map((key) =>
    db
      .selectFrom(
        comparableIndicators(db, [key], organizationId)
          .select(['i.comparison_key as key', 'p.organization_id as organization'])
          .limit(limit * sampledRowsPerOrganization)
          .as('s'),
      )
      .selectAll(),
  );
  if (!first) return undefined;
  const sample = rest.reduce((union, branch) => union.unionAll(branch), first);
  return db
    .selectFrom(sample.as('sample'))
    .select((eb) => ['sample.key', 'sample.organization', eb.fn.countAll<number | string>().as('indicators')])
    .groupBy(['sample.key', 'sample.organization']);
}

async function countOrganizations(db: Kysely<Database>, keys: readonly string[], organizationId: string) {
  const rows = await comparableIndicators(db, keys, organizationId)
    .select((eb) => [
      'i.comparison_key',
      eb.fn.count<number | string>('p.organization_id').distinct().as('count'),
    ])
    .groupBy('i.comparison_key')
    .execute();
  return new Map(rows.map((r) => [r.comparison_key ?? '', toNumber(r.count)]));
}

/**
 * For each key, how many organizations other than `organizationId` have a published observation under it, counted up
 * to `limit` (`comparableCountLimit`: the count then means that many or more): what a node page's
 * 「他の自治体と比べる（n団体）」 link says. Each key reads a bounded sample of its indicators, so a page costs
 * the same with 1,741 organizations as with 10.
 * @example await comparableOrganizations(db, ['d-…'], 'komoro') // Map { 'd-…' => 3 }
 */
export async function comparableOrganizations(
  db: Kysely<Database>,
  keys: readonly string[],
  organizationId: string,
  limit = comparableCountLimit,
): Promise<Map<string, number>> {
  const unique = [...new Set(keys)];
  const rows = limit * sampledRowsPerOrganization;
  const sampled = new Map<string, { organizations: number; indicators: number }>();
  for (const row of (await comparableSample(db, unique, organizationId, limit)?.execute()) ?? []) {
    const held = sampled.get(row.key ?? '') ?? { organizations: 0, indicators: 0 };
    sampled.set(row.key ?? '', {
      organizations: held.organizations + 1,
      indicators: held.indicators + toNumber(row.indicators),
    });
  }
  const counts = new Map<string, number>();
  // A sample cut short before `limit` organizations (one organization's many indicators) cannot tell: count those.
  const uncertain = [...sampled].filter(([, s]) => s.indicators >= rows && s.organizations < limit);
  const exact =
    uncertain.length > 0
      ? await countOrganizations(
          db,
          uncertain.map(([key]) => key),
          organizationId,
        )
      : new Map();
  for (const [key, s] of sampled) counts.set(key, Math.min(limit, exact.get(key) ?? s.organizations));
  return counts;
}
