/**
 * What the importer's plausibility check needs from the store: each indicator's stored values (id, role, value,
 * date: no sources) and each plan's period.
 */
import type { Kysely } from 'kysely';
import { appendAll } from '../../domain/append-all.ts';
import type { Database } from '../schema.ts';
import { toNumber } from '../values.ts';

export interface StoredPoint {
  id: string;
  role: 'baseline' | 'target' | 'observation';
  value: number;
  date: string | null;
}

const idsPerQuery = 500;

/** Baselines, targets and observations of the given indicators, keyed by indicator id. */
export async function storedSeries(
  db: Kysely<Database>,
  indicatorIds: readonly string[],
): Promise<Map<string, StoredPoint[]>> {
  const ids = [...new Set(indicatorIds)];
  const rows: { id: string; indicator_id: string; role: string; value: unknown; date: string | null }[] = [];
  for (let start = 0; start < ids.length; start += idsPerQuery) {
    const chunk = ids.slice(start, start + idsPerQuery);
    appendAll(
      rows,
      await db
        .selectFrom('indicator_value')
        .select(['id', 'indicator_id', 'role', 'value', 'date'])
        .where('indicator_id', 'in', chunk)
        .execute(),
    );
  }
  const series = new Map<string, StoredPoint[]>();
  for (const row of rows) {
    const point: StoredPoint = {
      id: row.id,
      role: row.role as StoredPoint['role'],
      value: toNumber(row.value),
      date: row.date,
    };
    const list = series.get(row.indicator_id);
    if (list === undefined) series.set(row.indicator_id, [point]);
    else list.push(point);
  }
  return series;
}

/** Each plan's period as stored (partial dates such as 2016-04), keyed by plan id. */
export async function planPeriods(
  db: Kysely<Database>,
  planIds: readonly string[],
): Promise<Map<string, { start: string | null; end: string | null }>> {
  const ids = [...new Set(planIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('plan')
    .select(['id', 'period_start', 'period_end'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { start: r.period_start, end: r.period_end }]));
}
