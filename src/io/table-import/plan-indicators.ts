/**
 * Indicators rows → changes: the indicator itself, and its baseline and target as indicator values
 * (stable ids `<indicator>:baseline`, `<indicator>:target`). Blank cells keep what is stored.
 */
import type { Kysely } from 'kysely';
import type { IndicatorRecord, IndicatorValueRecord } from '../../domain/editing/records.ts';
import { generatedIdSeparator } from '../../store/dataset-rows.ts';
import type { Database } from '../../store/schema.ts';
import {
  nextIndicatorPositions,
  storedIndicators,
  storedNodes,
  storedValues,
} from '../../store/table-import/index.ts';
import type { IndicatorRow, TableRow } from '../tables/index.ts';
import { checkDocument, checkPlan, checkUnique, type ImportContext, placeOf } from './import-context.ts';
import {
  printedForm,
  type RecordChange,
  type RowPlace,
  recordChange,
  rowError,
  sourceOf,
} from './record-change.ts';

type IndicatorChange = Extract<RecordChange, { entity: 'indicator' }>;
type ValueChange = Extract<RecordChange, { entity: 'indicatorValue' }>;

function indicatorRecord(
  row: IndicatorRow,
  stored: IndicatorRecord | undefined,
  position: number,
): IndicatorRecord {
  const record: IndicatorRecord = {
    id: row.id,
    name: row.name,
    nameEn: row.nameEn ?? stored?.nameEn,
    unit: row.unit,
    kind: row.kind,
    direction: row.direction,
    cumulative: row.cumulative,
    highlight: stored?.highlight ?? false,
    achievementFormula: row.achievementFormula ?? stored?.achievementFormula ?? null,
    description: row.description ?? stored?.description,
    nodeId: row.nodeId,
    position,
  };
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as IndicatorRecord;
}

function valueRecord(
  row: IndicatorRow,
  role: 'baseline' | 'target',
  stored: IndicatorValueRecord | undefined,
): IndicatorValueRecord | null {
  const figure = row[role];
  const source = sourceOf(row, stored?.source);
  if (figure === null || source === undefined) return null;
  const { text, qualifier } = printedForm(figure, stored);
  const record: IndicatorValueRecord = {
    id: stored?.id ?? `${row.id}${generatedIdSeparator}${role}`,
    indicatorId: row.id,
    role,
    position: stored?.position ?? 0,
    value: figure.value,
    text,
    date: role === 'baseline' ? row.baselineDate : row.targetDate,
    qualifier,
    outOf: stored?.outOf ?? null,
    rankOf: row.rankOf ?? stored?.rankOf ?? null,
    source,
    note: stored?.note,
  };
  return Object.fromEntries(
    Object.entries(record).filter(([, v]) => v !== undefined),
  ) as IndicatorValueRecord;
}

function checkNode(
  ctx: ImportContext,
  place: RowPlace,
  row: IndicatorRow,
  nodePlan: string | undefined,
): boolean {
  if (nodePlan === undefined) {
    ctx.errors.push(
      rowError(
        place,
        'nodeId',
        row.nodeId,
        `ノード「${row.nodeId}」がありません`,
        `node ${row.nodeId} does not exist`,
      ),
    );
    return false;
  }
  return checkPlan(ctx, place, nodePlan, 'nodeId', row.nodeId);
}

/** Plans the indicators table's rows; rejections go to `ctx.errors`. */
export async function planIndicators(
  db: Kysely<Database>,
  rows: readonly TableRow<IndicatorRow>[],
  ctx: ImportContext,
): Promise<RecordChange[]> {
  const ids = rows.map((r) => r.data.id);
  const nodeIds = rows.map((r) => r.data.nodeId);
  const [stored, nodes, values, positions] = await Promise.all([
    storedIndicators(db, ids),
    storedNodes(db, nodeIds),
    storedValues(db, ids),
    nextIndicatorPositions(db, nodeIds),
  ]);
  const seen = new Map<string, number>();
  const changes: RecordChange[] = [];
  for (const tableRow of rows) {
    ctx.checked?.add();
    const row = tableRow.data;
    const place = placeOf(ctx.file, tableRow);
    const before = stored.get(row.id);
    const planId = nodes.get(row.nodeId)?.planId;
    const ok = [
      checkUnique(ctx, seen, row.id, place, 'id', row.id),
      checkNode(ctx, place, row, planId),
      checkDocument(ctx, place, row.sourceDocumentId),
    ].every(Boolean);
    if (!ok || planId === undefined) continue;
    if (before && before.planId !== planId) {
      ctx.errors.push(
        rowError(
          place,
          'nodeId',
          row.nodeId,
          `指標「${row.id}」は計画「${before.planId}」にあります。計画は変えられません`,
          `indicator ${row.id} belongs to plan ${before.planId}; an import cannot move it to another plan`,
        ),
      );
      continue;
    }
    let position = before?.record.nodeId === row.nodeId ? before.record.position : undefined;
    if (position === undefined) {
      position = positions.get(row.nodeId) ?? 0;
      positions.set(row.nodeId, position + 1);
    }
    const after = indicatorRecord(row, before?.record, position);
    changes.push(
      recordChange<IndicatorChange>({
        place,
        entity: 'indicator',
        id: row.id,
        planId,
        before: before?.record ?? null,
        after,
      }),
    );
    for (const role of ['baseline', 'target'] as const) {
      const storedValue = values.get(row.id)?.find((v) => v.role === role);
      const value = valueRecord(row, role, storedValue);
      if (value === null) continue;
      changes.push(
        recordChange<ValueChange>({
          place,
          entity: 'indicatorValue',
          id: value.id,
          planId,
          before: storedValue ?? null,
          after: value,
        }),
      );
    }
  }
  return changes;
}
