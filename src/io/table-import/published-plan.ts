/**
 * A KPI table in the shape towns publish it → changes: the plan-tree nodes its 基本目標 / 施策 columns name (created
 * when missing), one indicator per row (matched by id when given, else by name within its node; new ids are readable
 * and stable), and its baseline, target and actuals as indicator values. A value with no source column cites the
 * uploaded file itself, by sheet, row and cell.
 */
import type { Kysely } from 'kysely';
import type { IndicatorRecord, IndicatorValueRecord, NodeRecord } from '../../domain/editing/records.ts';
import { type directions, recordId, type SourceRef } from '../../domain/model.ts';
import { generatedIdSeparator } from '../../store/dataset-rows.ts';
import type { PlanForImport } from '../../store/import-mappings/index.ts';
import type { Database } from '../../store/schema.ts';
import { storedIndicators, storedValues } from '../../store/table-import/index.ts';
import type { PublishedGrid, TableRowError } from '../tables/index.ts';
import type { PublishedRow, PublishedTreeCell, PublishedValue } from '../tables/published-kpi.ts';
import type { ImportContext } from './import-context.ts';
import { type RecordChange, type RowPlace, recordChange, rowError } from './record-change.ts';

type NodeChange = Extract<RecordChange, { entity: 'node' }>;
type IndicatorChange = Extract<RecordChange, { entity: 'indicator' }>;
type ValueChange = Extract<RecordChange, { entity: 'indicatorValue' }>;
type Direction = (typeof directions)[number];

/** 0 → A, 25 → Z, 26 → AA: the column letter a spreadsheet shows. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Where a cell is, as a source's section names it: `Sheet1!F7` in a workbook, `行7 列F` in a CSV.
 * @example cellLocator(undefined, 7, 5) // '行7 列F'
 */
export function cellLocator(sheet: string | undefined, row: number, columnIndex: number): string {
  const letter = columnLetter(columnIndex);
  return sheet === undefined ? `行${row} 列${letter}` : `${sheet}!${letter}${row}`;
}

const directionWords: readonly [RegExp, Direction][] = [
  [/^(increase|増加|増|上昇|向上|拡大|↑|⬆|高く|多く)/u, 'increase'],
  [/^(decrease|減少|減|低下|削減|抑制|縮小|↓|⬇|低く|少なく)/u, 'decrease'],
  [/^(maintain|維持|現状維持|横ばい|→)/u, 'maintain'],
  [/^(rank|順位)/u, 'rank'],
];

const directionOfText = (text: string): Direction | null =>
  directionWords.find(([pattern]) => pattern.test(text.trim()))?.[1] ?? null;

export interface PublishedPlanInput {
  plan: PlanForImport;
  planId: string;
  /** The uploaded file's own document: cited by every value without a source column. */
  fileDocumentId: string;
  /**
   * The node rows go under (its id, code or title; created at the top when missing): the rows themselves when the
   * sheet has no plan-tree column, else the nodes that column names.
   */
  node?: string;
  /** Values pending as drafts, compared with instead of the published ones of the same id. */
  pendingValues?: readonly IndicatorValueRecord[];
}

export interface PublishedPlanResult {
  changes: RecordChange[];
  /** Lines the dry run shows that refuse nothing: nodes to create, inferred directions, forecasts left out. */
  notes: TableRowError[];
  /** Whether any value cites the file itself (so the file is registered as a document). */
  citesFile: boolean;
}

/** The plan's tree as stored plus what this import creates, found by title or code under a parent. */
class Tree {
  private readonly nodes: NodeRecord[];
  private readonly nextPosition = new Map<string, number>();

  constructor(
    stored: readonly NodeRecord[],
    private readonly planId: string,
    private readonly takenIds: Set<string>,
  ) {
    this.nodes = [...stored];
    for (const n of stored) {
      const key = n.parentId ?? '';
      this.nextPosition.set(key, Math.max(this.nextPosition.get(key) ?? 0, n.position + 1));
    }
  }

  /** A cell's node under the parent; a code names one node of the plan, wherever it sits. */
  find(parentId: string | null, cell: PublishedTreeCell): NodeRecord | undefined {
    const under = this.nodes.filter((n) => n.parentId === parentId);
    return (
      under.find((n) => n.code === cell.text) ??
      (cell.byCode ? this.nodes.find((n) => n.code === cell.text) : undefined) ??
      under.find((n) => n.title === cell.text)
    );
  }

  byId(id: string | null): NodeRecord | undefined {
    return id === null ? undefined : this.nodes.find((n) => n.id === id);
  }

  byIdCodeOrTitle(text: string): NodeRecord | undefined {
    return (
      this.nodes.find((n) => n.id === text) ??
      this.nodes.find((n) => n.code === text) ??
      this.nodes.find((n) => n.title === text)
    );
  }

  /**
   * A new node one level below its parent (a pillar at the top, then a policy, then programs): its id is the code
   * when the code is a plain id (`plan.11102`), else the next `plan.nN`; its title the one printed beside the code,
   * else the code itself.
   */
  create(parentId: string | null, cell: PublishedTreeCell, source: SourceRef): NodeRecord {
    const slug = cell.text.toLowerCase();
    let id: string;
    if (recordId.safeParse(`${this.planId}.${slug}`).success && !this.takenIds.has(`${this.planId}.${slug}`))
      id = `${this.planId}.${slug}`;
    else {
      let k = 1;
      while (this.takenIds.has(`${this.planId}.n${k}`)) k += 1;
      id = `${this.planId}.n${k}`;
    }
    this.takenIds.add(id);
    const key = parentId ?? '';
    const position = this.nextPosition.get(key) ?? 0;
    this.nextPosition.set(key, position + 1);
    const parentKind = this.byId(parentId)?.kind;
    const kind: NodeRecord['kind'] =
      parentKind === undefined ? 'pillar' : parentKind === 'pillar' ? 'policy' : 'program';
    const node: NodeRecord = {
      id,
      kind,
      ...(cell.byCode ? { code: cell.text, title: cell.title ?? cell.text } : { title: cell.text }),
      status: null,
      statusDate: null,
      source,
      planId: this.planId,
      parentId,
      position,
    };
    this.nodes.push(node);
    return node;
  }
}

/** The printed words of one value: the cell's, or its labelled part (「H27年度現在 127件」). */
const printedText = (v: PublishedValue) =>
  v.label === undefined ? v.cellText : `${v.label} ${v.figure.text}`;

const valueId = (indicatorId: string, role: IndicatorValueRecord['role'], date: string | null) =>
  role === 'observation'
    ? `${indicatorId}${generatedIdSeparator}observation@${date ?? 'undated'}`
    : `${indicatorId}${generatedIdSeparator}${role}`;

interface RowContext {
  grid: PublishedGrid;
  row: PublishedRow;
  place: RowPlace;
}

/** Plans every row of every published sheet; refusals go to `ctx.errors`, notes to the result. */
export async function planPublished(
  db: Kysely<Database>,
  grids: readonly PublishedGrid[],
  ctx: ImportContext,
  input: PublishedPlanInput,
): Promise<PublishedPlanResult> {
  const { plan, planId } = input;
  const notes: TableRowError[] = [];
  const changes: RecordChange[] = [];
  const tree = new Tree(plan.nodes, planId, plan.takenIds);
  const fileRef = (
    sheet: string | undefined,
    row: number,
    columnIndex: number,
    quote: string,
  ): SourceRef => ({
    documentId: input.fileDocumentId,
    section: cellLocator(sheet, row, columnIndex),
    quote,
  });
  let citesFile = false;

  const givenIds = grids.flatMap((g) => g.table.rows.flatMap((r) => (r.fields.id ? [r.fields.id] : [])));
  const elsewhere = await storedIndicators(db, givenIds);
  const planIndicators = new Map(plan.indicators.map((i) => [i.id, i]));
  const nextIndicatorPosition = new Map<string, number>();
  for (const i of plan.indicators)
    nextIndicatorPosition.set(i.nodeId, Math.max(nextIndicatorPosition.get(i.nodeId) ?? 0, i.position + 1));
  const values = await storedValues(
    db,
    plan.indicators.map((i) => i.id),
  );
  for (const draft of input.pendingValues ?? []) {
    const others = (values.get(draft.indicatorId) ?? []).filter((v) => v.id !== draft.id);
    values.set(draft.indicatorId, [...others, draft]);
  }
  const seenIndicators = new Map<string, number>();
  // Rows of new indicators whose direction nothing tells: one note for them all.
  const undirected: number[] = [];

  // The node a row without a plan-tree column goes to.
  let fallback: NodeRecord | undefined;
  const fallbackNode = (first: RowContext): NodeRecord | undefined => {
    if (fallback !== undefined || input.node === undefined) return fallback;
    fallback = tree.byIdCodeOrTitle(input.node);
    if (fallback === undefined) {
      fallback = tree.create(
        null,
        { header: '', text: input.node, byCode: false },
        { documentId: input.fileDocumentId },
      );
      citesFile = true;
      pushNode(fallback, first.place);
    }
    return fallback;
  };
  const pushNode = (node: NodeRecord, place: RowPlace) => {
    changes.push(
      recordChange<NodeChange>({ place, entity: 'node', id: node.id, planId, before: null, after: node }),
    );
    const parent = tree.byId(node.parentId);
    const code = node.code === undefined || node.code === node.title ? '' : `${node.code} `;
    notes.push(
      rowError(
        place,
        '',
        node.title,
        `ノード「${code}${node.title}」(${node.id}、${node.kind}) を${parent ? `「${parent.title}」の下に` : '計画の直下に'}作ります`,
        `create node ${code}${node.title} (${node.id}, ${node.kind}) ${parent ? `under ${parent.title}` : "at the plan's top level"}`,
      ),
    );
  };

  const nodeOf = (rc: RowContext): NodeRecord | undefined => {
    if (rc.row.nodes.length === 0) {
      const node = fallbackNode(rc);
      if (node === undefined)
        ctx.errors.push(
          rowError(
            rc.place,
            '',
            '',
            '置き先のノード (基本目標・施策など) の列がありません。列を対応づけるか、置き先のノードを指定してください (--node)',
            'no plan-tree column (基本目標, 施策 …) places this row: map one, or name the node to place the rows under (--node)',
          ),
        );
      return node;
    }
    // The named node, when given, is where the sheet's own tree hangs (its 施策 under that pillar).
    let parent: NodeRecord | null = fallbackNode(rc) ?? null;
    rc.row.nodes.forEach((cell) => {
      const found = tree.find(parent?.id ?? null, cell);
      if (found) parent = found;
      else {
        const column = rc.grid.table.columns.find((c) => c.header === cell.header);
        const created = tree.create(
          parent?.id ?? null,
          cell,
          fileRef(rc.grid.sheet, rc.row.row, column?.index ?? 0, cell.text),
        );
        citesFile = true;
        pushNode(created, rc.place);
        parent = created;
      }
    });
    return parent ?? undefined;
  };

  const newIndicatorId = (nodeId: string) => {
    let k = 1;
    while (plan.takenIds.has(`${nodeId}.k${k}`) || planIndicators.has(`${nodeId}.k${k}`)) k += 1;
    const id = `${nodeId}.k${k}`;
    plan.takenIds.add(id);
    return id;
  };

  const directionOf = (rc: RowContext, stored: IndicatorRecord | undefined): Direction => {
    const given = rc.row.fields.direction;
    if (given !== undefined) {
      const read = directionOfText(given);
      if (read) return read;
      ctx.errors.push(
        rowError(
          rc.place,
          'direction',
          given,
          `方向「${given}」が分かりません (増加・減少・維持・順位)`,
          `unknown direction ${given} (increase, decrease, maintain, rank)`,
        ),
      );
      return stored?.direction ?? 'increase';
    }
    if (stored) return stored.direction;
    const baseline = rc.row.values.find((v) => v.role === 'baseline');
    const target = rc.row.values.find((v) => v.role === 'target');
    if (baseline && target) {
      const inferred =
        target.figure.value > baseline.figure.value
          ? 'increase'
          : target.figure.value < baseline.figure.value
            ? 'decrease'
            : 'maintain';
      const word = { increase: '増加', decrease: '減少', maintain: '維持' }[inferred];
      notes.push(
        rowError(
          rc.place,
          '',
          '',
          `方向の列がないため、基準値と目標値から「${word}」としました`,
          `no direction column: ${inferred} read from the baseline and target`,
        ),
      );
      return inferred;
    }
    undirected.push(rc.row.row);
    return 'increase';
  };

  const sourceFor = (rc: RowContext, v: PublishedValue): SourceRef | undefined => {
    const given = rc.row.fields.source;
    if (given === undefined) {
      citesFile = true;
      return fileRef(rc.grid.sheet, rc.row.row, v.columnIndex, printedText(v));
    }
    const doc = plan.documents.find((d) => d.id === given) ?? plan.documents.find((d) => d.title === given);
    if (doc) return { documentId: doc.id };
    ctx.errors.push(
      rowError(
        rc.place,
        'source',
        given,
        `出典の資料「${given}」が登録されていません`,
        `source document ${given} does not exist`,
      ),
    );
    return undefined;
  };

  for (const grid of grids) {
    const ambiguousColumns = new Set(
      grid.table.columns.flatMap((c) =>
        c.kind === 'value' && c.year?.kind === 'ambiguous' ? [c.header] : [],
      ),
    );
    for (const row of grid.table.rows) {
      ctx.checked?.add();
      const place: RowPlace = { file: ctx.file, sheet: grid.sheet, row: row.row };
      const rc: RowContext = { grid, row, place };
      const name = row.fields.name;
      const node = nodeOf(rc);
      if (name === undefined || node === undefined) continue;

      // The indicator: by id when the sheet gives one, else by name under its node.
      let stored: IndicatorRecord | undefined;
      let id: string;
      if (row.fields.id !== undefined) {
        if (!recordId.safeParse(row.fields.id).success) {
          ctx.errors.push(
            rowError(
              place,
              'id',
              row.fields.id,
              '指標IDは英小文字・数字・. _ - のみです',
              'an indicator id holds lowercase letters, digits, . _ - only',
            ),
          );
          continue;
        }
        id = row.fields.id;
        const other = elsewhere.get(id);
        if (other && other.planId !== planId) {
          ctx.errors.push(
            rowError(
              place,
              'id',
              id,
              `指標「${id}」は計画「${other.planId}」にあります`,
              `indicator ${id} belongs to plan ${other.planId}`,
            ),
          );
          continue;
        }
        stored = planIndicators.get(id);
      } else {
        stored = plan.indicators.find((i) => i.nodeId === node.id && i.name === name);
        id = stored?.id ?? '';
      }
      const key = id === '' ? `${node.id}\t${name}` : id;
      const first = seenIndicators.get(key);
      if (first !== undefined) {
        ctx.errors.push(
          rowError(place, 'name', name, `${first}行目と同じ指標です`, `the same indicator as row ${first}`),
        );
        continue;
      }
      seenIndicators.set(key, row.row);
      if (id === '') id = newIndicatorId(node.id);

      let position = stored?.nodeId === node.id ? stored.position : undefined;
      if (position === undefined) {
        position = nextIndicatorPosition.get(node.id) ?? 0;
        nextIndicatorPosition.set(node.id, position + 1);
      }
      const indicator: IndicatorRecord = Object.fromEntries(
        Object.entries({
          id,
          name,
          nameEn: stored?.nameEn,
          unit: row.unit ?? stored?.unit ?? '',
          kind: stored?.kind ?? 'outcome',
          direction: directionOf(rc, stored),
          cumulative: stored?.cumulative ?? false,
          highlight: stored?.highlight ?? false,
          achievementFormula: stored?.achievementFormula ?? null,
          description: stored?.description,
          nodeId: node.id,
          position,
        }).filter(([, v]) => v !== undefined),
      ) as IndicatorRecord;
      changes.push(
        recordChange<IndicatorChange>({
          place,
          entity: 'indicator',
          id,
          planId,
          before: stored ?? null,
          after: indicator,
        }),
      );

      // Its values.
      const storedOf = values.get(id) ?? [];
      let nextPosition = storedOf.reduce(
        (n, v) => (v.role === 'observation' ? Math.max(n, v.position + 1) : n),
        0,
      );
      const seen = new Map<string, string>();
      for (const v of row.values) {
        if (v.role === 'forecast') {
          notes.push(
            rowError(
              place,
              v.column,
              printedText(v),
              `見込・予測「${printedText(v)}」は実績ではないため取り込みません`,
              `the forecast ${printedText(v)} is not an actual and is not imported`,
            ),
          );
          continue;
        }
        if (v.dateKind === 'ambiguous') {
          if (!ambiguousColumns.has(v.column))
            ctx.errors.push(
              rowError(
                place,
                v.column,
                printedText(v),
                `「${printedText(v)}」の年が年か年度か分かりません。--year-kind で答えてください`,
                `${printedText(v)}: calendar or fiscal year is unknown; answer with --year-kind`,
              ),
            );
          continue;
        }
        const role: IndicatorValueRecord['role'] = v.role === 'actual' ? 'observation' : v.role;
        const seenKey = role === 'observation' ? `observation@${v.date ?? ''}` : role;
        const earlier = seen.get(seenKey);
        if (earlier !== undefined) {
          ctx.errors.push(
            rowError(
              place,
              v.column,
              printedText(v),
              `同じ行の「${earlier}」と同じ${role === 'observation' ? '時点の実績' : role === 'baseline' ? '基準値' : '目標値'}です`,
              `the same ${role === 'observation' ? 'date' : role} as column ${earlier} of this row`,
            ),
          );
          continue;
        }
        seen.set(seenKey, v.column);
        const before = storedOf.find((s) => s.role === role && (role !== 'observation' || s.date === v.date));
        const source = sourceFor(rc, v);
        if (source === undefined) continue;
        let valuePosition = before?.position ?? (role === 'observation' ? undefined : 0);
        if (valuePosition === undefined) {
          valuePosition = nextPosition;
          nextPosition += 1;
        }
        const after: IndicatorValueRecord = {
          id: before?.id ?? valueId(id, role, v.date),
          indicatorId: id,
          role,
          position: valuePosition,
          value: v.figure.value,
          date: v.date,
          qualifier: v.figure.qualifier,
          outOf: before?.outOf ?? null,
          rankOf: before?.rankOf ?? null,
          source,
          text: printedText(v),
          note: before?.note,
        };
        changes.push(
          recordChange<ValueChange>({
            place,
            entity: 'indicatorValue',
            id: after.id,
            planId,
            before: before ?? null,
            after,
          }),
        );
      }
    }
  }
  if (undirected.length > 0)
    notes.push({
      file: ctx.file,
      row: 0,
      column: '',
      value: '',
      messageJa: `方向の列がなく基準値と目標値からも決まらない指標 ${undirected.length}件 (${undirected.join('・')}行目) は「増加」としました。違えば画面で直すか、方向の列を加えてください`,
      messageEn: `${undirected.length} new indicators (rows ${undirected.join(', ')}) have no direction column and no baseline and target to read one from: set to increase; correct them on the staff screen or add a direction column`,
    });
  return { changes, notes, citesFile };
}
