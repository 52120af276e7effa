/**
 * 事務事業評価 rows → changes: the program's sheet for the year, and each stage's evaluation the row fills in.
 * The program is found by id, code or title; blank cells keep what is stored (an import adds and corrects, it never
 * erases); a printed 事業費, トータルコスト, 単位コスト or 執行率 is kept as reported beside what the engine computes,
 * and a printed 従事職員数 or 延べ業務時間 as printed.
 */
import type { Kysely } from 'kysely';
import {
  type EvaluationRecord,
  evaluationRecordSchema,
  type NodeRecord,
  type ProgramSheetRecord,
  programSheetRecordSchema,
} from '../../domain/editing/records.ts';
import { evaluationStageLabels } from '../../domain/evaluation-vocabulary.ts';
import type { EvaluationStage, ProgramFigure } from '../../domain/model.ts';
import { evaluationStages } from '../../domain/model.ts';
import type { Database } from '../../store/schema.ts';
import {
  type Stored,
  type StoredEvaluationPlan,
  storedEvaluationPlans,
  storedPlanIds,
  storedPlanNodes,
} from '../../store/table-import/index.ts';
import type { ProgramSheetRow, StageCells, TableRow, TableRowError } from '../tables/index.ts';
import { moneyFields, printedFigureSourceColumns, programSheetsTable } from '../tables/index.ts';
import { asWritten } from '../tables/written-header.ts';
import { checkSignature, nextStepCode, viewpointCode } from './evaluation-words.ts';
import { checkDocument, checkPlan, checkUnique, type ImportContext, placeOf } from './import-context.ts';
import { type RecordChange, type RowPlace, recordChange, rowError, sourceOf } from './record-change.ts';

type SheetChange = Extract<RecordChange, { entity: 'programSheet' }>;
type EvaluationChange = Extract<RecordChange, { entity: 'evaluation' }>;

const stageKind: Record<EvaluationStage, EvaluationRecord['evaluatorKind']> = {
  first: 'self',
  second: 'internal',
  external: 'external',
  final: 'internal',
};

const withoutUndefined = <T extends object>(record: T): T =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;

/** The program a row names: by node id, else by code, else by title, among the nodes of the plans in reach. */
function findNode(
  ctx: ImportContext,
  place: RowPlace,
  row: ProgramSheetRow,
  nodes: readonly Stored<NodeRecord>[],
): Stored<NodeRecord> | undefined {
  const [column, value, matches] =
    row.nodeId !== null
      ? ['nodeId', row.nodeId, nodes.filter((n) => n.record.id === row.nodeId)]
      : row.programCode !== null
        ? ['programCode', row.programCode, nodes.filter((n) => n.record.code === row.programCode)]
        : ['programTitle', row.programTitle ?? '', nodes.filter((n) => n.record.title === row.programTitle)];
  if (matches.length === 1) return matches[0];
  ctx.errors.push(
    matches.length === 0
      ? rowError(place, column, value, `事業「${value}」が見つかりません`, `no program ${value}`)
      : rowError(
          place,
          column,
          value,
          `事業「${value}」が${matches.length}件あります。ノードIDで指定してください`,
          `${matches.length} programs match ${value}: give its nodeId`,
        ),
  );
  return undefined;
}

/** The printed figures of the row, replacing the stored ones of the same kind. */
function reportedOf(row: ProgramSheetRow, stored: readonly ProgramFigure[]): ProgramFigure[] {
  const printed: ProgramFigure[] = [];
  const defaults: [keyof ProgramSheetRow['printed'], ProgramFigure['kind'], string][] = [
    ['programCost', 'programCost', '円'],
    ['totalCost', 'totalCost', '円'],
    ['unitCost', 'unitCost', '円'],
    ['executionRate', 'executionRate', '%'],
    ['staffCount', 'staffCount', '人'],
    ['staffHours', 'staffHours', '時間'],
  ];
  for (const [field, kind, unit] of defaults) {
    const figure = row.printed[field];
    if (!figure) continue;
    // An amount column is in yen whatever the cell wrote (千円, 万円 are already counted into the value).
    const inYen = kind === 'programCost' || kind === 'totalCost';
    const source = row.printedSources[field];
    printed.push({
      kind,
      value: figure.value,
      unit: inYen ? '円' : (figure.unit ?? unit),
      text: figure.text,
      ...(source === null ? {} : { source }),
    });
  }
  const kinds = new Set(printed.map((f) => f.kind));
  // The same figure read back (an exported file imported again) keeps the stored one: its own source, unless the
  // row names the figure's source (`事業費の出典`), which then replaces it.
  const kept = printed.map((f) => {
    const same = stored.find((s) => s.kind === f.kind && s.value === f.value && s.text === f.text);
    if (same === undefined) return f;
    return f.source === undefined ? same : { ...same, source: f.source };
  });
  return [...stored.filter((f) => !kinds.has(f.kind)), ...kept];
}

/** Each printed figure's own source must name a registered document; the error names the figure's column. */
function checkPrintedSources(ctx: ImportContext, place: RowPlace, row: ProgramSheetRow): boolean {
  let ok = true;
  for (const [kind, source] of Object.entries(row.printedSources)) {
    if (source === null || ctx.documentIds.has(source.documentId)) continue;
    const column = printedFigureSourceColumns[kind as keyof typeof printedFigureSourceColumns];
    ctx.errors.push(
      rowError(
        place,
        column,
        source.documentId,
        `出典の資料「${source.documentId}」が登録されていません`,
        `source document ${source.documentId} does not exist`,
      ),
    );
    ok = false;
  }
  return ok;
}

function sheetRecord(
  row: ProgramSheetRow,
  id: string,
  nodeId: string,
  position: number,
  before: ProgramSheetRecord | undefined,
): ProgramSheetRecord | null {
  const source = sourceOf(row, before?.source);
  if (source === undefined) return null;
  const money = Object.fromEntries(moneyFields.map((f) => [f, row.money[f] ?? before?.[f] ?? null]));
  return withoutUndefined({
    id,
    nodeId,
    position,
    fiscalYear: row.fiscalYear,
    target: row.target ?? before?.target,
    intent: row.intent ?? before?.intent,
    means: row.means ?? before?.means,
    targetIndicatorIds: row.targetIndicatorIds ?? before?.targetIndicatorIds ?? [],
    activityIndicatorIds: row.activityIndicatorIds ?? before?.activityIndicatorIds ?? [],
    outcomeIndicatorIds: row.outcomeIndicatorIds ?? before?.outcomeIndicatorIds ?? [],
    unitCostIndicatorId: row.unitCostIndicatorId ?? before?.unitCostIndicatorId ?? null,
    ...(money as Pick<ProgramSheetRecord, (typeof moneyFields)[number]>),
    staffYears: row.staffYears ?? before?.staffYears ?? null,
    otherCostLabel: row.otherCostLabel ?? before?.otherCostLabel,
    reported: reportedOf(row, before?.reported ?? []),
    note: row.note ?? before?.note,
    source,
  });
}

/**
 * The stage the row's 今後の方向性, 予算への反映 and 所見 columns belong to: the latest one with a direction after
 * the import (the one that decides the year, as the export and the rollups read it), else the latest it names.
 */
function decidingStage(row: ProgramSheetRow, stored: readonly EvaluationRecord[]): EvaluationStage {
  const later = [...evaluationStages].reverse();
  const stepOf = (s: EvaluationStage) =>
    row.stages[s]?.nextStep ?? stored.find((e) => e.stage === s)?.nextStep ?? null;
  return (
    later.find((s) => stepOf(s) !== null) ??
    later.find((s) => row.stages[s] !== null || stored.some((e) => e.stage === s)) ??
    'first'
  );
}

interface StageInput {
  stage: EvaluationStage;
  cells: StageCells | null;
  decision: ProgramSheetRow['decision'] | null;
  viewpoints: ProgramSheetRow['viewpoints'];
}

function stageInputs(row: ProgramSheetRow, stored: readonly EvaluationRecord[]): StageInput[] {
  const { nextStep, budgetEffect, budgetEffectDirection, comment } = row.decision;
  const hasDecision = [nextStep, budgetEffect, budgetEffectDirection, comment].some((v) => v !== null);
  const deciding = hasDecision ? decidingStage(row, stored) : null;
  return evaluationStages
    .map((stage) => ({
      stage,
      cells: row.stages[stage],
      decision: stage === deciding ? row.decision : null,
      viewpoints: stage === 'first' ? row.viewpoints : [],
    }))
    .filter((s) => s.cells !== null || s.decision !== null || s.viewpoints.length > 0);
}

/** A budget effect given only as an amount: its sign says the direction (−1,200千円 is a decrease). */
const signDirection = (amount: number | null) =>
  amount === null || amount === 0 ? 'unchanged' : amount > 0 ? 'increase' : 'decrease';

interface EvaluationInput {
  ctx: ImportContext;
  place: RowPlace;
  row: ProgramSheetRow;
  node: NodeRecord;
  plan: StoredEvaluationPlan;
  sheetId: string;
  position: () => number;
}

function evaluationRecord(input: EvaluationInput, stage: StageInput, before: EvaluationRecord | undefined) {
  const { ctx, place, row, node, plan } = input;
  const cells = stage.cells;
  const column = (name: string) => `${stage.stage}${name}`;
  let nextStep = before?.nextStep ?? null;
  const written = stage.decision?.nextStep ?? cells?.nextStep ?? null;
  if (written !== null) {
    const code = nextStepCode(
      ctx,
      place,
      stage.decision?.nextStep ? 'nextStep' : column('NextStep'),
      written,
      plan,
      before?.nextStep ?? null,
    );
    if (code === undefined) return null;
    nextStep = code;
  }
  let viewpoints = before?.viewpoints ?? null;
  for (const v of stage.viewpoints) {
    const code = viewpointCode(ctx, place, v.label, plan);
    if (code === undefined) return null;
    const old = viewpoints?.find((x) => x.viewpoint === code);
    const grade = withoutUndefined({
      viewpoint: code,
      grade: v.grade ?? old?.grade ?? null,
      comment: v.comment ?? old?.comment,
    });
    // In place, so that reading back an export (or a column order of its own) changes no stored order.
    viewpoints = old
      ? (viewpoints ?? []).map((x) => (x.viewpoint === code ? grade : x))
      : [...(viewpoints ?? []), grade];
  }
  const amount = stage.decision?.budgetEffect ?? null;
  const direction = stage.decision?.budgetEffectDirection ?? null;
  const budgetEffect =
    amount === null && direction === null
      ? (before?.budgetEffect ?? null)
      : withoutUndefined({
          direction: direction ?? before?.budgetEffect?.direction ?? signDirection(amount),
          amount: amount ?? before?.budgetEffect?.amount ?? null,
          text: before?.budgetEffect?.text,
        });
  // The row's source is the sheet's: a stored evaluation keeps its own (where its grade is printed).
  const source = before?.source ?? sourceOf(row, undefined);
  if (source === undefined) return null;
  const score = cells?.score ?? null;
  return withoutUndefined({
    id: before?.id ?? `${input.sheetId}.${stage.stage}`,
    nodeId: node.id,
    position: before?.position ?? input.position(),
    fiscalYear: row.fiscalYear,
    evaluatedAt: cells?.evaluatedAt ?? before?.evaluatedAt ?? null,
    evaluatorKind: before?.evaluatorKind ?? stageKind[stage.stage],
    evaluatorName:
      cells?.evaluator ??
      before?.evaluatorName ??
      (stage.stage === 'first' ? node.department : undefined) ??
      evaluationStageLabels[stage.stage].label,
    scale: cells?.scale ?? before?.scale ?? '',
    grade: cells?.grade ?? before?.grade ?? null,
    score: score?.value ?? before?.score ?? null,
    maxScore: cells?.maxScore ?? before?.maxScore ?? null,
    scoreUnit: score?.unit ?? before?.scoreUnit ?? null,
    comment: stage.decision?.comment ?? cells?.comment ?? before?.comment,
    nextStep,
    stage: stage.stage,
    viewpoints,
    budgetEffect,
    signedBy: cells?.signedBy ?? before?.signedBy ?? null,
    signedAt: before?.signedAt ?? null,
    source,
  }) as EvaluationRecord;
}

/** Rejects a record the model refuses, naming the first field at fault. */
function validRecord<T>(
  ctx: ImportContext,
  place: RowPlace,
  schema: {
    safeParse(v: unknown): {
      success: boolean;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
  record: T,
): boolean {
  const parsed = schema.safeParse(record);
  if (parsed.success) return true;
  for (const issue of parsed.error?.issues ?? []) {
    const [ja, en] = issue.message.includes('(')
      ? [issue.message.replace(/\s*\(.*\)$/, ''), issue.message.replace(/^.*\((.*)\)$/, '$1')]
      : [issue.message, issue.message];
    ctx.errors.push(rowError(place, String(issue.path[0] ?? ''), '', ja, en));
  }
  return false;
}

/** The errors of a wide row, from `first` on, naming the headers as written (「令和4年度 決算額」), not code names. */
function nameWrittenHeaders(
  errors: TableRowError[],
  first: number,
  written: ReadonlyMap<string, string>,
): void {
  for (let n = first; n < errors.length; n += 1) {
    const error = errors[n] as TableRowError;
    const header = written.get(error.column);
    if (header !== undefined) errors[n] = asWritten(error, columnNamed(error.column), header);
  }
}

const columnNamed = (name: string) => programSheetsTable.columns.find((col) => col.name === name);

/** Plans the 事務事業評価 table's rows; rejections go to `ctx.errors`. */
export async function planProgramSheets(
  db: Kysely<Database>,
  rows: readonly TableRow<ProgramSheetRow>[],
  ctx: ImportContext,
): Promise<RecordChange[]> {
  const planIds = ctx.planId !== undefined ? [ctx.planId] : [...(await storedPlanIds(db))];
  const nodes = await storedPlanNodes(db, planIds);
  const plans = await storedEvaluationPlans(db, planIds);
  const seen = new Map<string, number>();
  const changes: RecordChange[] = [];
  const nextPosition = new Map<string, number>();
  const positionUnder = (key: string, taken: readonly { position: number }[]) => () => {
    const next = nextPosition.get(key) ?? Math.max(-1, ...taken.map((t) => t.position)) + 1;
    nextPosition.set(key, next + 1);
    return next;
  };
  for (const tableRow of rows) {
    const firstError = ctx.errors.length;
    planRow(tableRow);
    if (tableRow.written) nameWrittenHeaders(ctx.errors, firstError, tableRow.written);
  }
  return changes;

  // One row's sheet and evaluations; a rejected row adds its errors and nothing else.
  function planRow(tableRow: TableRow<ProgramSheetRow>): void {
    ctx.checked?.add();
    const row = tableRow.data;
    const place = placeOf(ctx.file, tableRow);
    const found = findNode(ctx, place, row, nodes);
    const documentsKnown =
      checkDocument(ctx, place, row.sourceDocumentId) && checkPrintedSources(ctx, place, row);
    if (!documentsKnown || found === undefined) return;
    const node = found.record;
    const plan = plans.get(found.planId);
    if (plan === undefined || !checkPlan(ctx, place, found.planId, 'nodeId', node.id)) return;
    if (!checkUnique(ctx, seen, `${node.id}\t${row.fiscalYear}`, place, 'fiscalYear', String(row.fiscalYear)))
      return;
    const sheets = plan.programSheets.filter((s) => s.nodeId === node.id);
    const before = sheets.find((s) => s.fiscalYear === row.fiscalYear);
    if (row.id !== null && before !== undefined && before.id !== row.id) {
      ctx.errors.push(
        rowError(
          place,
          'id',
          row.id,
          `事業「${node.id}」の${row.fiscalYear}年度のシートは「${before.id}」です`,
          `the sheet of ${node.id} for ${row.fiscalYear} is ${before.id}`,
        ),
      );
      return;
    }
    const sheetId = before?.id ?? row.id ?? `${node.id}.fy${row.fiscalYear}`;
    if (
      before === undefined &&
      plans.size > 0 &&
      [...plans.values()].some((p) => p.programSheets.some((s) => s.id === sheetId))
    ) {
      ctx.errors.push(
        rowError(
          place,
          'id',
          sheetId,
          `シートID「${sheetId}」は別の事業・年度で使われています`,
          `sheet id ${sheetId} is taken`,
        ),
      );
      return;
    }
    const position = before?.position ?? positionUnder(`sheet\t${node.id}`, sheets)();
    const after = sheetRecord(row, sheetId, node.id, position, before);
    if (after === null || !validRecord(ctx, place, programSheetRecordSchema, after)) return;
    const rowChanges: RecordChange[] = [
      recordChange<SheetChange>({
        place,
        entity: 'programSheet',
        id: sheetId,
        planId: found.planId,
        before: before ?? null,
        after,
      }),
    ];
    const ofYear = plan.evaluations.filter((e) => e.nodeId === node.id && e.fiscalYear === row.fiscalYear);
    const input: EvaluationInput = {
      ctx,
      place,
      row,
      node,
      plan,
      sheetId,
      position: positionUnder(
        `evaluation\t${node.id}`,
        plan.evaluations.filter((e) => e.nodeId === node.id),
      ),
    };
    let ok = true;
    for (const stage of stageInputs(row, ofYear)) {
      const stored = ofYear.find((e) => e.stage === stage.stage);
      const evaluation = evaluationRecord(input, stage, stored);
      if (
        evaluation === null ||
        !validRecord(ctx, place, evaluationRecordSchema, evaluation) ||
        !checkSignature(ctx, place, `${stage.stage}SignedBy`, stored, evaluation)
      ) {
        ok = false;
        continue;
      }
      rowChanges.push(
        recordChange<EvaluationChange>({
          place,
          entity: 'evaluation',
          id: evaluation.id,
          planId: found.planId,
          before: stored ?? null,
          after: evaluation,
        }),
      );
    }
    if (ok) changes.push(...rowChanges);
  }
}
