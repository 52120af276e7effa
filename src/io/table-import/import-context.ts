/** What every table's planner shares: the file's name, the plan it is limited to, and the checks on references. */
import type { Kysely } from 'kysely';
import type { IndicatorRecord, IndicatorValueRecord } from '../../domain/editing/records.ts';
import type { ProgressCounter } from '../../domain/progress.ts';
import { planOrganizationIds } from '../../store/registry/organization-ref.ts';
import type { Database } from '../../store/schema.ts';
import type { Stored } from '../../store/table-import/index.ts';
import type { TableRowError } from '../tables/index.ts';
import { type RowPlace, rowError } from './record-change.ts';

export interface ImportContext {
  file: string;
  /** Only rows of this plan may be imported (the CLI's --plan, the admin page's plan). */
  planId: string | undefined;
  documentIds: ReadonlySet<string>;
  /** Only rows of this organization's plans may be imported (a staff account scoped to one city). */
  organizationId?: string;
  /** Plan id → its organization, read when organizationId is set. */
  planOrganizations?: ReadonlyMap<string, string>;
  errors: TableRowError[];
  /** Counts each row a planner checks, for the command line's progress. */
  checked?: ProgressCounter;
  /** What the planner read of the file's indicators, for the checks after planning not to read it again. */
  storedIndicators?: StoredIndicatorReads;
}

/**
 * Indicators as a planner read them in the import's transaction, each with every value stored for it (an indicator
 * absent from `values` has none).
 */
export interface StoredIndicatorReads {
  indicators: ReadonlyMap<string, Stored<IndicatorRecord>>;
  values: ReadonlyMap<string, readonly IndicatorValueRecord[]>;
}

/** Rejects the row unless its source document is stored; returns whether it is. */
export function checkDocument(ctx: ImportContext, place: RowPlace, documentId: string | null): boolean {
  if (documentId === null || ctx.documentIds.has(documentId)) return true;
  ctx.errors.push(
    rowError(
      place,
      'sourceDocumentId',
      documentId,
      `出典の資料「${documentId}」が登録されていません`,
      `source document ${documentId} does not exist`,
    ),
  );
  return false;
}

/** The organization scope of an import, as ImportContext holds it: nothing for the operator or the command line. */
export async function organizationScope(
  db: Kysely<Database>,
  organizationId: string | undefined,
): Promise<Pick<ImportContext, 'organizationId' | 'planOrganizations'>> {
  if (organizationId === undefined) return {};
  return { organizationId, planOrganizations: await planOrganizationIds(db) };
}

/** Rejects the row when it belongs to another plan than the one being imported into, or to another organization. */
export function checkPlan(
  ctx: ImportContext,
  place: RowPlace,
  planId: string,
  column: string,
  value: string,
): boolean {
  if (ctx.organizationId !== undefined && ctx.planOrganizations?.get(planId) !== ctx.organizationId) {
    ctx.errors.push({
      ...rowError(
        place,
        column,
        value,
        `計画「${planId}」は他の団体の計画です。取り込めるのは団体「${ctx.organizationId}」の計画の行だけです`,
        `plan ${planId} belongs to another organization; only rows of ${ctx.organizationId}'s plans may be imported`,
      ),
      refusal: 'organization',
    });
    return false;
  }
  if (ctx.planId === undefined || ctx.planId === planId) return true;
  ctx.errors.push(
    rowError(
      place,
      column,
      value,
      `計画「${planId}」の行です。取り込み先は計画「${ctx.planId}」です`,
      `the row belongs to plan ${planId}, not to plan ${ctx.planId} being imported`,
    ),
  );
  return false;
}

/** Rejects a second row with the same key; returns whether the key was new. */
export function checkUnique(
  ctx: ImportContext,
  seen: Map<string, number>,
  key: string,
  place: RowPlace,
  column: string,
  value: string,
): boolean {
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, place.row);
    return true;
  }
  rejectDuplicate(ctx, first, place, column, value);
  return false;
}

/** Rejects a row that repeats the key of row `first`. */
export function rejectDuplicate(
  ctx: ImportContext,
  first: number,
  place: RowPlace,
  column: string,
  value: string,
): void {
  ctx.errors.push(
    rowError(place, column, value, `${first}行目と重複しています`, `duplicate of row ${first}`),
  );
}

export const placeOf = (file: string, row: { sheet?: string; row: number }): RowPlace => ({
  file,
  sheet: row.sheet,
  row: row.row,
});
