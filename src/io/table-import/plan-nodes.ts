/**
 * Nodes rows → changes. A node is keyed by its id; its parent must be stored or in the same file and in the same
 * plan. Blank cells keep what is stored: an import adds and corrects, it never erases.
 */
import type { Kysely } from 'kysely';
import type { NodeRecord } from '../../domain/editing/records.ts';
import type { Database } from '../../store/schema.ts';
import {
  nextNodePositions,
  positionKey,
  type Stored,
  storedNodes,
  storedPlanIds,
  storedPlanNodes,
} from '../../store/table-import/index.ts';
import type { NodeRow, TableRow } from '../tables/index.ts';
import { checkDocument, checkPlan, checkUnique, type ImportContext, placeOf } from './import-context.ts';
import { type ResolvedNodeRow, resolveNodeRows } from './node-parents.ts';
import { type RecordChange, type RowPlace, recordChange, rowError, sourceOf } from './record-change.ts';

type NodeChange = Extract<RecordChange, { entity: 'node' }>;

const keep = <T>(value: T | null, stored: T | undefined): T | undefined => value ?? stored;

function nodeRecord(row: ResolvedNodeRow, stored: NodeRecord | undefined, position: number): NodeRecord {
  const record: NodeRecord = {
    id: row.id,
    kind: row.kind as NodeRecord['kind'],
    code: keep(row.code, stored?.code),
    title: row.title,
    titleEn: keep(row.titleEn, stored?.titleEn),
    slogan: keep(row.slogan, stored?.slogan),
    visionPhrase: keep(row.visionPhrase, stored?.visionPhrase),
    description: keep(row.description, stored?.description),
    status: row.status ?? stored?.status ?? null,
    statusDate: row.statusDate ?? stored?.statusDate ?? null,
    statusSource: stored?.statusSource,
    source: sourceOf(row, stored?.source),
    planId: row.planId,
    parentId: row.parentId,
    position,
  };
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as NodeRecord;
}

function checkParent(
  ctx: ImportContext,
  place: RowPlace,
  row: ResolvedNodeRow,
  parents: Map<string, string>,
  stored: Map<string, Stored<NodeRecord>>,
): boolean {
  if (row.parentId === null) return true;
  const parentPlan = parents.get(row.parentId) ?? stored.get(row.parentId)?.planId;
  if (row.parentId !== row.id && parentPlan === row.planId) return true;
  const [ja, en] =
    row.parentId === row.id
      ? ['自分自身を親にはできません', 'a node cannot be its own parent']
      : parentPlan === undefined
        ? [`親ノード「${row.parentId}」がありません`, `parent node ${row.parentId} does not exist`]
        : [
            `親ノード「${row.parentId}」は別の計画にあります`,
            `parent node ${row.parentId} is in another plan`,
          ];
  ctx.errors.push(rowError(place, 'parentId', row.parentId, ja, en));
  return false;
}

/** True when following parents from `id` comes back to it (the file's parents override stored ones). */
function inCycle(
  id: string,
  rows: Map<string, ResolvedNodeRow>,
  stored: Map<string, Stored<NodeRecord>>,
): boolean {
  const parentOf = (n: string) =>
    (rows.has(n) ? rows.get(n)?.parentId : stored.get(n)?.record.parentId) ?? null;
  const seen = new Set<string>();
  for (let n = parentOf(id); n !== null; n = parentOf(n)) {
    if (n === id) return true;
    if (seen.has(n)) return false;
    seen.add(n);
  }
  return false;
}

/** Depth within the file, so parents created by the same import are written before their children. */
function depthOf(id: string, rows: Map<string, ResolvedNodeRow>, seen = new Set<string>()): number {
  const parent = rows.get(id)?.parentId;
  if (!parent || !rows.has(parent) || seen.has(id)) return 0;
  seen.add(id);
  return 1 + depthOf(parent, rows, seen);
}

/** Plans the nodes table's rows; rejections go to `ctx.errors`. */
export async function planNodes(
  db: Kysely<Database>,
  fileRows: readonly TableRow<NodeRow>[],
  ctx: ImportContext,
): Promise<NodeChange[]> {
  const planIds = [...new Set(fileRows.map((r) => r.data.planId))];
  const rows = resolveNodeRows(fileRows, await storedPlanNodes(db, planIds), ctx);
  const ids = rows.flatMap((r) => (r.data.parentId === null ? [r.data.id] : [r.data.id, r.data.parentId]));
  const [stored, plans] = await Promise.all([storedNodes(db, ids), storedPlanIds(db)]);
  const positions = await nextNodePositions(db, [...new Set(rows.map((r) => r.data.planId))]);
  const inFile = new Map(rows.map((r) => [r.data.id, r.data]));
  const parents = new Map(rows.map((r) => [r.data.id, r.data.planId]));
  const seen = new Map<string, number>();
  const changes: NodeChange[] = [];
  for (const tableRow of rows) {
    ctx.checked?.add();
    const row = tableRow.data;
    const place = placeOf(ctx.file, tableRow);
    const before = stored.get(row.id);
    if (!checkUnique(ctx, seen, row.id, place, 'id', row.id)) continue;
    if (!plans.has(row.planId)) {
      ctx.errors.push(
        rowError(
          place,
          'planId',
          row.planId,
          `計画「${row.planId}」がありません`,
          `plan ${row.planId} does not exist`,
        ),
      );
      continue;
    }
    if (before && before.planId !== row.planId) {
      ctx.errors.push(
        rowError(
          place,
          'planId',
          row.planId,
          `ノード「${row.id}」は計画「${before.planId}」にあります。計画は変えられません`,
          `node ${row.id} belongs to plan ${before.planId}; an import cannot move it to another plan`,
        ),
      );
      continue;
    }
    if (row.parentId !== null && row.parentId !== row.id && inCycle(row.id, inFile, stored)) {
      ctx.errors.push(
        rowError(
          place,
          'parentId',
          row.parentId,
          '親をたどると自分に戻ります (循環)',
          'following the parents leads back to this node (a cycle)',
        ),
      );
      continue;
    }
    const ok = [
      checkPlan(ctx, place, row.planId, 'planId', row.planId),
      checkDocument(ctx, place, row.sourceDocumentId),
      checkParent(ctx, place, row, parents, stored),
    ].every(Boolean);
    if (!ok) continue;
    const key = positionKey(row.planId, row.parentId);
    const sameParent = before?.record.parentId === row.parentId;
    let position = row.position === null ? undefined : row.position - 1;
    if (position === undefined && before && sameParent) position = before.record.position;
    if (position === undefined) {
      position = positions.get(key) ?? 0;
      positions.set(key, position + 1);
    }
    const after = nodeRecord(row, before?.record, position);
    changes.push(
      recordChange<NodeChange>({
        place,
        entity: 'node',
        id: row.id,
        planId: row.planId,
        before: before?.record ?? null,
        after,
      }),
    );
  }
  return changes.sort((a, b) => depthOf(a.id, inFile) - depthOf(b.id, inFile));
}
