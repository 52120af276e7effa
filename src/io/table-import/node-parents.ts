/**
 * Before a nodes table is planned: each row's parent, given by id, code or title, becomes an id, and a row without
 * an id gets one. A stored node with the same title under the same parent keeps its id, so importing the same file
 * twice changes nothing; otherwise the id extends the parent's as the staff forms do (plan.p01, plan.p01.n02).
 */
import type { NodeRecord } from '../../domain/editing/records.ts';
import type { Stored } from '../../store/table-import/index.ts';
import type { NodeRow, TableRow } from '../tables/index.ts';
import { type ImportContext, placeOf } from './import-context.ts';
import { rowError } from './record-change.ts';

/** A nodes row whose id and parent are ids. */
export type ResolvedNodeRow = Omit<NodeRow, 'id'> & { id: string };

interface Known {
  id: string;
  planId: string;
  parentId: string | null;
  code: string | null;
  title: string;
}

const words = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The rows with ids and parent ids; a row whose parent cannot be found, or is named ambiguously, goes to
 * `ctx.errors` and is left out.
 */
export function resolveNodeRows(
  rows: readonly TableRow<NodeRow>[],
  stored: readonly Stored<NodeRecord>[],
  ctx: ImportContext,
): TableRow<ResolvedNodeRow>[] {
  const known: Known[] = stored.map(({ record, planId }) => ({
    id: record.id,
    planId,
    parentId: record.parentId,
    code: record.code ?? null,
    title: record.title,
  }));
  const ids = new Set(known.map((k) => k.id));
  for (const row of rows) if (row.data.id !== null) ids.add(row.data.id);
  const resolved: TableRow<ResolvedNodeRow>[] = [];
  for (const tableRow of rows) {
    const row = tableRow.data;
    const place = placeOf(ctx.file, tableRow);
    let parentId = row.parentId;
    if (parentId !== null && !ids.has(parentId)) {
      const named = known.filter(
        (k) =>
          k.planId === row.planId &&
          (words(k.title) === words(parentId ?? '') ||
            (k.code !== null && words(k.code) === words(parentId ?? ''))),
      );
      const unique = [...new Set(named.map((k) => k.id))];
      if (unique.length > 1) {
        ctx.errors.push(
          rowError(
            place,
            'parentId',
            parentId,
            `親「${parentId}」に当たるノードが ${unique.length} つあります。ID で指定してください (${unique.join(', ')})`,
            `parent ${parentId} matches ${unique.length} nodes; give its id (${unique.join(', ')})`,
          ),
        );
        continue;
      }
      // Not found: left as written, so the planner names the missing parent.
      if (unique[0] !== undefined) parentId = unique[0];
    }
    const id = row.id ?? idFor(row, parentId, known, ids);
    ids.add(id);
    known.push({ id, planId: row.planId, parentId, code: row.code, title: row.title });
    resolved.push({ ...tableRow, data: { ...row, id, parentId } });
  }
  return resolved;
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

function idFor(row: NodeRow, parentId: string | null, known: readonly Known[], ids: Set<string>): string {
  const same = known.find(
    (k) => k.planId === row.planId && k.parentId === parentId && words(k.title) === words(row.title),
  );
  if (same) return same.id;
  const stem = `${parentId ?? row.planId}.${row.kind === 'pillar' ? 'p' : 'n'}`;
  for (let n = 1; ; n += 1) if (!ids.has(`${stem}${twoDigits(n)}`)) return `${stem}${twoDigits(n)}`;
}
