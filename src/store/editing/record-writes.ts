/**
 * Writes a flat record to the public tables: the inverse of published-records.ts. A record's source
 * references are its own rows, updated in place, added when first given, removed when dropped.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EditingEntity, EditingRecord, EditingRecords } from '../../domain/editing/records.ts';
import type { SourceRef } from '../../domain/model.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import type { Database } from '../schema.ts';
import { fromBoolean } from '../values.ts';

type Trx = Kysely<Database>;

export const tableOf = {
  plan: 'plan',
  node: 'node',
  indicator: 'indicator',
  observation: 'indicator_value',
  achievement: 'achievement',
  evaluation: 'evaluation',
  source: 'source',
} as const satisfies Record<EditingEntity, keyof Database>;

/** The source columns each entity's row carries. */
const sourceSlots = {
  plan: [['source_id', 'source']],
  node: [
    ['source_id', 'source'],
    ['status_source_id', 'statusSource'],
  ],
  indicator: [],
  observation: [['source_id', 'source']],
  achievement: [['source_id', 'source']],
  evaluation: [['source_id', 'source']],
  source: [],
} as const satisfies Record<EditingEntity, readonly (readonly [string, string])[]>;

function sourceColumns(ref: SourceRef) {
  return {
    document_id: ref.documentId,
    section: ref.section ?? null,
    line: ref.line ?? null,
    page: ref.page ?? null,
    quote: ref.quote ?? null,
    url: ref.url ?? null,
  };
}

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The row's own columns (no id, sources, version or stamps), as the editing and the table import write them. */
export function rowColumns<E extends EditingEntity>(
  entity: E,
  record: EditingRecords[E],
): Record<string, unknown> {
  const by: Record<EditingEntity, () => Record<string, unknown>> = {
    plan: () => {
      const p = record as EditingRecords['plan'];
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
      };
    },
    node: () => {
      const n = record as EditingRecords['node'];
      return {
        plan_id: n.planId,
        parent_id: n.parentId,
        position: n.position,
        kind: n.kind,
        code: n.code ?? null,
        title: n.title,
        title_en: n.titleEn ?? null,
        slogan: n.slogan ?? null,
        vision_phrase: n.visionPhrase ?? null,
        description: n.description ?? null,
        status: n.status,
        status_date: n.statusDate,
      };
    },
    indicator: () => {
      const i = record as EditingRecords['indicator'];
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
      };
    },
    observation: () => {
      const o = record as EditingRecords['observation'];
      return {
        indicator_id: o.indicatorId,
        role: o.role,
        position: o.position,
        value: o.value,
        text: o.text ?? null,
        date: o.date,
        fiscal_year: o.date === null ? null : (parsePartialDate(o.date)?.fiscalYear ?? null),
        qualifier: o.qualifier,
        out_of: o.outOf,
        rank_of: o.rankOf,
        note: o.note ?? null,
      };
    },
    achievement: () => {
      const a = record as EditingRecords['achievement'];
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
    },
    evaluation: () => {
      const e = record as EditingRecords['evaluation'];
      return {
        node_id: e.nodeId,
        position: e.position,
        fiscal_year: e.fiscalYear,
        evaluated_at: e.evaluatedAt,
        evaluator_kind: e.evaluatorKind,
        evaluator_name: e.evaluatorName,
        scale: e.scale,
        grade: e.grade,
        score: e.score,
        max_score: e.maxScore,
        comment: e.comment ?? null,
        next_step: e.nextStep,
      };
    },
    source: () => sourceColumns(record as EditingRecords['source']),
  };
  return by[entity]();
}

async function currentSourceIds(
  trx: Trx,
  entity: EditingEntity,
  id: string,
): Promise<Record<string, string | null>> {
  const slots = sourceSlots[entity].map(([column]) => column);
  if (slots.length === 0) return {};
  const row = await trx
    .selectFrom(tableOf[entity])
    .select(slots as never[])
    .where('id', '=', id)
    .executeTakeFirst();
  return (row ?? {}) as Record<string, string | null>;
}

/** Updates, adds or drops each source slot; returns the column values and the source rows to delete afterwards. */
async function syncSources(
  trx: Trx,
  entity: EditingEntity,
  record: EditingRecord,
  current: Record<string, string | null>,
  stamp: string,
): Promise<{ set: Record<string, string | null>; orphans: string[] }> {
  const set: Record<string, string | null> = {};
  const orphans: string[] = [];
  for (const [column, field] of sourceSlots[entity]) {
    const ref = (record as Record<string, unknown>)[field] as SourceRef | undefined;
    const existing = current[column] ?? null;
    if (ref && existing) {
      await trx
        .updateTable('source')
        .set((eb) => ({ ...sourceColumns(ref), updated_at: stamp, version: eb('version', '+', 1) }))
        .where('id', '=', existing)
        .execute();
      set[column] = existing;
    } else if (ref) {
      const id = randomUUID();
      await trx
        .insertInto('source')
        .values({ id, ...sourceColumns(ref), created_at: stamp, updated_at: stamp })
        .execute();
      set[column] = id;
    } else {
      set[column] = null;
      if (existing) orphans.push(existing);
    }
  }
  return { set, orphans };
}

/** Inserts or updates the record's row and its sources; resolves with the row's new version. */
export async function writeRecord(
  trx: Trx,
  entity: EditingEntity,
  record: EditingRecord,
  exists: boolean,
  stamp: string,
): Promise<number> {
  const current = exists ? await currentSourceIds(trx, entity, record.id) : {};
  const { set, orphans } = await syncSources(trx, entity, record, current, stamp);
  const values = { ...rowColumns(entity, record as never), ...set };
  const table = tableOf[entity];
  let version = 1;
  if (exists) {
    const row = await trx
      .updateTable(table)
      .set((eb) => ({ ...values, updated_at: stamp, version: eb('version', '+', 1) }) as never)
      .where('id', '=', record.id)
      .returning('version')
      .executeTakeFirst();
    version = Number(row?.version ?? 0);
  } else {
    await trx
      .insertInto(table)
      .values({ id: record.id, ...values, created_at: stamp, updated_at: stamp } as never)
      .execute();
  }
  if (orphans.length > 0) await trx.deleteFrom('source').where('id', 'in', orphans).execute();
  return version;
}

/** Deletes the record's row, the parts that only it owns (node links, reported figures, statements) and its sources. */
export async function deleteRecord(trx: Trx, entity: EditingEntity, id: string): Promise<void> {
  const sources = Object.values(await currentSourceIds(trx, entity, id)).filter(
    (s): s is string => s !== null,
  );
  if (entity === 'node') await trx.deleteFrom('node_link').where('node_id', '=', id).execute();
  if (entity === 'indicator') {
    const figures = await trx
      .selectFrom('reported_figure')
      .select('source_id')
      .where('indicator_id', '=', id)
      .execute();
    await trx.deleteFrom('reported_figure').where('indicator_id', '=', id).execute();
    sources.push(...figures.map((f) => f.source_id));
  }
  if (entity === 'plan') {
    const statements = await trx
      .selectFrom('plan_statement')
      .select('source_id')
      .where('plan_id', '=', id)
      .execute();
    await trx.deleteFrom('plan_statement').where('plan_id', '=', id).execute();
    sources.push(...statements.map((s) => s.source_id));
  }
  await trx.deleteFrom(tableOf[entity]).where('id', '=', id).execute();
  if (sources.length > 0) await trx.deleteFrom('source').where('id', 'in', sources).execute();
}
