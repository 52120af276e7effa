/**
 * Achievements rows → changes. An achievement is keyed by its id and sits under a stored node; blank cells keep what
 * is stored (an import adds and corrects, it never erases), and the source always comes from the row.
 */
import type { Kysely } from 'kysely';
import type { AchievementRecord } from '../../domain/editing/records.ts';
import type { Database } from '../../store/schema.ts';
import { nextAchievementPositions, storedAchievements, storedNodes } from '../../store/table-import/index.ts';
import type { AchievementRow, TableRow } from '../tables/index.ts';
import { checkDocument, checkPlan, checkUnique, type ImportContext, placeOf } from './import-context.ts';
import { type RecordChange, recordChange, rowError, sourceOf } from './record-change.ts';

type AchievementChange = Extract<RecordChange, { entity: 'achievement' }>;

function achievementRecord(
  row: AchievementRow,
  stored: AchievementRecord | undefined,
  position: number,
): AchievementRecord | null {
  const source = sourceOf(row, stored?.source);
  if (source === undefined) return null;
  const record: AchievementRecord = {
    id: row.id,
    title: row.title,
    date: row.date ?? stored?.date ?? null,
    dateBasis: row.dateBasis ?? stored?.dateBasis ?? 'reported',
    highlight: row.highlight ?? stored?.highlight ?? false,
    details: row.details ?? stored?.details ?? [],
    note: row.note ?? stored?.note,
    source,
    nodeId: row.nodeId,
    position,
  };
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as AchievementRecord;
}

/** Plans the achievements table's rows; rejections go to `ctx.errors`. */
export async function planAchievements(
  db: Kysely<Database>,
  rows: readonly TableRow<AchievementRow>[],
  ctx: ImportContext,
): Promise<RecordChange[]> {
  const nodeIds = rows.map((r) => r.data.nodeId);
  const [stored, nodes, positions] = await Promise.all([
    storedAchievements(
      db,
      rows.map((r) => r.data.id),
    ),
    storedNodes(db, nodeIds),
    nextAchievementPositions(db, nodeIds),
  ]);
  const seen = new Map<string, number>();
  const changes: RecordChange[] = [];
  for (const tableRow of rows) {
    ctx.checked?.add();
    const row = tableRow.data;
    const place = placeOf(ctx.file, tableRow);
    const before = stored.get(row.id);
    const planId = nodes.get(row.nodeId)?.planId;
    if (planId === undefined)
      ctx.errors.push(
        rowError(
          place,
          'nodeId',
          row.nodeId,
          `ノード「${row.nodeId}」がありません`,
          `node ${row.nodeId} does not exist`,
        ),
      );
    const ok = [
      checkUnique(ctx, seen, row.id, place, 'id', row.id),
      planId !== undefined && checkPlan(ctx, place, planId, 'nodeId', row.nodeId),
      checkDocument(ctx, place, row.sourceDocumentId),
    ].every(Boolean);
    if (!ok || planId === undefined) continue;
    if (before && before.planId !== planId) {
      ctx.errors.push(
        rowError(
          place,
          'nodeId',
          row.nodeId,
          `実績「${row.id}」は計画「${before.planId}」にあります。計画は変えられません`,
          `achievement ${row.id} belongs to plan ${before.planId}; an import cannot move it to another plan`,
        ),
      );
      continue;
    }
    let position = before?.record.nodeId === row.nodeId ? before.record.position : undefined;
    if (position === undefined) {
      position = positions.get(row.nodeId) ?? 0;
      positions.set(row.nodeId, position + 1);
    }
    const after = achievementRecord(row, before?.record, position);
    if (after === null) continue;
    changes.push(
      recordChange<AchievementChange>({
        place,
        entity: 'achievement',
        id: row.id,
        planId,
        before: before?.record ?? null,
        after,
      }),
    );
  }
  return changes;
}
