/** A plan statement (基本理念, 将来像…) ↔ its `plan_statement` row. */
import type { Selectable } from 'kysely';
import type { PlanStatement } from '../../domain/model.ts';
import type { PlanStatementTable } from '../schema.ts';
import { optionalText, withoutUndefined } from '../values.ts';
import { requiredSourceFromRow } from './source-rows.ts';

type WithSource = Parameters<typeof requiredSourceFromRow>[0];

/** The row's own columns (no id, source, version or stamps). */
export function statementToRow(s: PlanStatement, planId: string, position: number) {
  return {
    plan_id: planId,
    position,
    kind: s.kind,
    code: s.code ?? null,
    title: s.title,
    body: s.body ?? null,
  };
}

export function statementFromRow(row: Selectable<PlanStatementTable> & WithSource): PlanStatement {
  return withoutUndefined({
    id: row.id,
    kind: row.kind as PlanStatement['kind'],
    code: optionalText(row.code),
    title: row.title,
    body: optionalText(row.body),
    source: requiredSourceFromRow(row),
  });
}
