/** A node ↔ its `node` row: the one place the columns and the fields meet. */
import type { Kysely, Selectable } from 'kysely';
import type { NodeRecord } from '../../domain/editing/records.ts';
import type { Database, NodeTable } from '../schema.ts';
import { optionalText, toNumber, withoutUndefined } from '../values.ts';
import { sourceColumns, sourceFromRow, statusSourceColumns } from './source-rows.ts';

type WithSources = Parameters<typeof sourceFromRow<'src'>>[0] & Parameters<typeof sourceFromRow<'ssrc'>>[0];

/** The row's own columns (no id, sources, version or stamps). */
export function nodeToRow(n: NodeRecord) {
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
    department: n.department ?? null,
  };
}

/** Node rows joined with their source (`src`) and status source (`ssrc`), the shape `nodeFromRow` reads. */
export function selectNodesWithSources(db: Kysely<Database>) {
  return db
    .selectFrom('node')
    .leftJoin('source as src', 'src.id', 'node.source_id')
    .leftJoin('source as ssrc', 'ssrc.id', 'node.status_source_id')
    .selectAll('node')
    .select(sourceColumns)
    .select(statusSourceColumns);
}

/** A node row joined with its sources (as `src` and `ssrc`) as a flat record. */
export function nodeFromRow(row: Selectable<NodeTable> & WithSources): NodeRecord {
  return withoutUndefined({
    id: row.id,
    kind: row.kind as NodeRecord['kind'],
    code: optionalText(row.code),
    title: row.title,
    titleEn: optionalText(row.title_en),
    slogan: optionalText(row.slogan),
    visionPhrase: optionalText(row.vision_phrase),
    description: optionalText(row.description),
    status: row.status,
    statusDate: row.status_date,
    statusSource: sourceFromRow(row, 'ssrc'),
    department: optionalText(row.department),
    source: sourceFromRow(row, 'src'),
    planId: row.plan_id,
    parentId: row.parent_id,
    position: toNumber(row.position),
  });
}
