/**
 * Where a record sits, as staff see it (drafts over published rows): its plan, the chain of nodes above it
 * for permissions, whether what it points to exists, and what still hangs under it.
 */
import type { Kysely } from 'kysely';
import type { PermissionTarget } from '../../domain/editing/permissions.ts';
import type { EditingEntity, EditingRecord, EditingRecords } from '../../domain/editing/records.ts';
import type { Database } from '../schema.ts';
import type { DraftChange, FieldIssue } from './contract.ts';
import { findDraft, listDrafts } from './draft-rows.ts';
import { readPublished } from './published-records.ts';

type Trx = Kysely<Database>;

/** The record staff see: the draft's data when there is a draft, else the published record. */
export async function staffRecord<E extends EditingEntity>(
  trx: Trx,
  entity: E,
  id: string,
): Promise<EditingRecords[E] | undefined> {
  const draft = await findDraft(trx, entity, id);
  if (draft) return draft.data as EditingRecords[E];
  return (await readPublished(trx, entity, id))?.record as EditingRecords[E] | undefined;
}

// Deeper than any plan's tree; stops a cycle written by hand from looping forever.
const maxDepth = 64;

/** The node and its ancestors, nearest first, e.g. ['policy-3', 'pillar-1']. */
export async function nodePath(trx: Trx, nodeId: string | null): Promise<string[]> {
  const path: string[] = [];
  let id = nodeId;
  while (id !== null && path.length < maxDepth && !path.includes(id)) {
    const node = await staffRecord(trx, 'node', id);
    if (!node) break;
    path.push(id);
    id = node.parentId;
  }
  return path;
}

export interface Owner extends PermissionTarget {
  planId: string;
}

/** The organization a plan belongs to, as staff see it (a drafted plan counts); null when there is no such plan. */
export async function planOrganization(trx: Trx, planId: string | null | undefined): Promise<string | null> {
  if (!planId) return null;
  return (await staffRecord(trx, 'plan', planId))?.organizationId ?? null;
}

async function underNode(trx: Trx, entity: EditingEntity, nodeId: string): Promise<Owner> {
  const node = await staffRecord(trx, 'node', nodeId);
  return { entity, planId: node?.planId ?? '', nodePath: await nodePath(trx, nodeId) };
}

/** The plan and node chain of the row that cites a source row. */
async function sourceOwner(trx: Trx, sourceId: string): Promise<Owner> {
  const cited = (
    table: 'node' | 'achievement' | 'evaluation' | 'indicator_value' | 'program_sheet',
    column = 'source_id',
  ) =>
    trx
      .selectFrom(table)
      .select('id')
      .where(column as 'source_id', '=', sourceId)
      .executeTakeFirst();
  const node = (await cited('node')) ?? (await cited('node', 'status_source_id'));
  if (node) return { ...(await underNode(trx, 'node', node.id)), entity: 'source' };
  for (const [table, entity] of [
    ['achievement', 'achievement'],
    ['evaluation', 'evaluation'],
    ['indicator_value', 'indicatorValue'],
    ['program_sheet', 'programSheet'],
  ] as const) {
    const row = await cited(table);
    if (row)
      return {
        ...(await ownerOf(trx, entity, (await staffRecord(trx, entity, row.id)) as EditingRecord)),
        entity: 'source',
      };
  }
  const plan = await trx.selectFrom('plan').select('id').where('source_id', '=', sourceId).executeTakeFirst();
  const statement = await trx
    .selectFrom('plan_statement')
    .select('plan_id')
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  const figure = await trx
    .selectFrom('reported_figure')
    .innerJoin('indicator', 'indicator.id', 'reported_figure.indicator_id')
    .select('indicator.node_id')
    .where('reported_figure.source_id', '=', sourceId)
    .executeTakeFirst();
  if (figure) return { ...(await underNode(trx, 'indicator', figure.node_id)), entity: 'source' };
  return { entity: 'source', planId: plan?.id ?? statement?.plan_id ?? '', nodePath: [] };
}

/**
 * Where a record belongs, for drafts' plan_id and for can(): its plan, node chain and organization. The
 * organization is derived from the plan the record hangs under (a plan's from its own field), never taken
 * from the request, so a city's staff cannot reach another city's records by naming them.
 */
export async function ownerOf(trx: Trx, entity: EditingEntity, record: EditingRecord): Promise<Owner> {
  const place = await placeOf(trx, entity, record);
  const organizationId =
    entity === 'plan'
      ? ((record as EditingRecords['plan']).organizationId ?? null)
      : await planOrganization(trx, place.planId);
  return { ...place, organizationId };
}

async function placeOf(trx: Trx, entity: EditingEntity, record: EditingRecord): Promise<Owner> {
  switch (entity) {
    case 'plan':
      return { entity, planId: record.id, nodePath: [] };
    case 'node': {
      const node = record as EditingRecords['node'];
      return { entity, planId: node.planId, nodePath: [node.id, ...(await nodePath(trx, node.parentId))] };
    }
    case 'evaluation': {
      const evaluation = record as EditingRecords['evaluation'];
      // An evaluation of the plan itself sits under no node: only the unscoped may write it, like the plan.
      if (evaluation.nodeId === null)
        return { entity, planId: evaluation.planId ?? '', nodePath: [], stage: evaluation.stage };
      return { ...(await underNode(trx, entity, evaluation.nodeId)), stage: evaluation.stage };
    }
    case 'indicator':
    case 'achievement':
    case 'programSheet':
      return underNode(trx, entity, (record as EditingRecords['indicator']).nodeId);
    case 'indicatorValue': {
      const indicator = await staffRecord(
        trx,
        'indicator',
        (record as EditingRecords['indicatorValue']).indicatorId,
      );
      return indicator
        ? { ...(await underNode(trx, 'indicator', indicator.nodeId)), entity }
        : { entity, planId: '', nodePath: [] };
    }
    case 'source':
      return sourceOwner(trx, record.id);
  }
}

const missing = (field: string, label: string, id: string): FieldIssue => ({
  field,
  message: `「${label}」が見つかりません (${field} not found): ${id}`,
});

/** Checks that what the record points to exists (published or drafted) and that a node does not move under itself. */
export async function referenceIssues(
  trx: Trx,
  entity: EditingEntity,
  record: EditingRecord,
): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  const exists = async (e: EditingEntity, id: string) => (await staffRecord(trx, e, id)) !== undefined;
  const r = record as Partial<Record<string, unknown>>;
  if (entity === 'plan') {
    const org = await trx
      .selectFrom('organization')
      .select('id')
      .where('id', '=', String(r.organizationId))
      .executeTakeFirst();
    if (!org) issues.push(missing('organizationId', '団体', String(r.organizationId)));
  }
  if (entity === 'node') {
    const node = record as EditingRecords['node'];
    if (!(await exists('plan', node.planId))) issues.push(missing('planId', '計画', node.planId));
    if (node.parentId !== null) {
      const parent = await staffRecord(trx, 'node', node.parentId);
      if (!parent) issues.push(missing('parentId', '親の項目', node.parentId));
      else if (parent.planId !== node.planId)
        issues.push({
          field: 'parentId',
          message: '親の項目が別の計画にあります (parent is in another plan)',
        });
      else if ((await nodePath(trx, node.parentId)).includes(node.id))
        issues.push({
          field: 'parentId',
          message: '自分の下には移動できません (cannot move a node under itself)',
        });
    }
  }
  if (entity === 'programSheet')
    issues.push(...(await sameYearSheetIssues(trx, record as EditingRecords['programSheet'])));
  if (typeof r.nodeId === 'string' && !(await exists('node', r.nodeId)))
    issues.push(missing('nodeId', '項目', r.nodeId));
  if (typeof r.indicatorId === 'string' && !(await exists('indicator', r.indicatorId)))
    issues.push(missing('indicatorId', '指標', r.indicatorId));
  for (const field of ['source', 'statusSource'] as const) {
    const ref = entity === 'source' ? (field === 'source' ? record : undefined) : r[field];
    const documentId = (ref as { documentId?: string } | undefined)?.documentId;
    if (documentId === undefined) continue;
    const doc = await trx
      .selectFrom('source_document')
      .select('id')
      .where('id', '=', documentId)
      .executeTakeFirst();
    if (!doc)
      issues.push(missing(entity === 'source' ? 'documentId' : `${field}.documentId`, '資料', documentId));
  }
  return issues;
}

/** One 事務事業評価 sheet per program and fiscal year, counting drafts: the table import's rows are keyed so. */
async function sameYearSheetIssues(trx: Trx, sheet: EditingRecords['programSheet']): Promise<FieldIssue[]> {
  const published = await trx
    .selectFrom('program_sheet')
    .select('id')
    .where('node_id', '=', sheet.nodeId)
    .where('fiscal_year', '=', sheet.fiscalYear)
    .where('id', '!=', sheet.id)
    .execute();
  const drafts = (await listDrafts(trx)).filter(
    (d) => d.entity === 'programSheet' && d.entityId !== sheet.id,
  );
  const deleting = new Set(drafts.filter((d) => d.action === 'delete').map((d) => d.entityId));
  const others = [
    ...published.map((p) => p.id).filter((id) => !deleting.has(id)),
    ...drafts
      .filter((d) => d.action !== 'delete')
      .filter((d) => {
        const data = d.data as EditingRecords['programSheet'];
        return data.nodeId === sheet.nodeId && data.fiscalYear === sheet.fiscalYear;
      })
      .map((d) => d.entityId),
  ];
  return others.length === 0
    ? []
    : [
        {
          field: 'fiscalYear',
          message: `この事業の${sheet.fiscalYear}年度のシートはすでにあります (a sheet for this program and fiscal year exists): ${others[0]}`,
        },
      ];
}

/** Children that must be deleted first: published rows (not themselves pending deletion) and drafted creates. */
export async function dependentIssues(
  trx: Trx,
  entity: EditingEntity,
  id: string,
  drafts: (entity: EditingEntity) => Promise<DraftChange[]>,
): Promise<FieldIssue[]> {
  const children: [
    EditingEntity,
    'node' | 'indicator' | 'achievement' | 'evaluation' | 'indicator_value' | 'program_sheet',
    string,
  ][] =
    entity === 'node'
      ? [
          ['node', 'node', 'parent_id'],
          ['indicator', 'indicator', 'node_id'],
          ['achievement', 'achievement', 'node_id'],
          ['evaluation', 'evaluation', 'node_id'],
          ['programSheet', 'program_sheet', 'node_id'],
        ]
      : entity === 'indicator'
        ? [['indicatorValue', 'indicator_value', 'indicator_id']]
        : entity === 'plan'
          ? [
              ['node', 'node', 'plan_id'],
              ['evaluation', 'evaluation', 'plan_id'],
            ]
          : [];
  const parentField = {
    parent_id: 'parentId',
    node_id: 'nodeId',
    indicator_id: 'indicatorId',
    plan_id: 'planId',
  } as const;
  const remaining: string[] = [];
  for (const [childEntity, table, column] of children) {
    const rows = await trx
      .selectFrom(table)
      .select('id')
      .where(column as 'id', '=', id)
      .execute();
    const pending = await drafts(childEntity);
    const deleting = new Set(pending.filter((d) => d.action === 'delete').map((d) => d.entityId));
    const field = parentField[column as keyof typeof parentField];
    const created = pending.filter(
      (d) => d.action !== 'delete' && (d.data as Record<string, unknown>)[field] === id,
    );
    remaining.push(
      ...rows.map((r) => r.id).filter((rid) => !deleting.has(rid)),
      ...created.map((d) => d.entityId),
    );
  }
  const unique = [...new Set(remaining)];
  return unique.length === 0
    ? []
    : [
        {
          field: '',
          message: `下にある項目を先に削除してください (delete what is under it first): ${unique.slice(0, 5).join(', ')}`,
        },
      ];
}
