import type { Kysely } from 'kysely';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { OrganizationDocument, Plan } from '../../domain/model.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { migrateToLatest } from '../../store/migrate.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import { demoDatasetDir, loadDataset } from '../dataset.ts';
import {
  type CsvEncoding,
  encodeCsv,
  type PlanTableName,
  planTableNames,
  planTables,
} from '../export/index.ts';
import { importTableFile } from './import-table.ts';

// Every table the export writes reads back.
const importable = [
  'nodes',
  'indicators',
  'indicator-values',
  'achievements',
] as const satisfies readonly PlanTableName[];

function csvOf(plan: Plan, table: PlanTableName, encoding: CsvEncoding): Uint8Array {
  const encoded = encodeCsv(planTables(plan)[table], encoding);
  if (!encoded.ok) throw new Error(`cannot encode ${table}: ${JSON.stringify(encoded.error)}`);
  return encoded.bytes;
}

const encodes = (plan: Plan, encoding: CsvEncoding) =>
  importable.every((table) => encodeCsv(planTables(plan)[table], encoding).ok);

async function importAll(db: Kysely<Database>, plan: Plan, encoding: CsvEncoding) {
  const outcomes = [];
  for (const table of importable) {
    outcomes.push(
      await importTableFile(db, csvOf(plan, table, encoding), { publish: true, file: `${table}.csv` }),
    );
  }
  return outcomes;
}

let dataset: OrganizationDocument;
beforeAll(async () => {
  dataset = await loadDataset(demoDatasetDir);
});

describe.each(testDatabases)('our own CSV export imported back on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    expect((await migrateToLatest(db)).ok).toBe(true);
    await saveOrganizationDocument(db, dataset);
  });
  afterEach(() => handle.close());

  for (const encoding of ['utf-8', 'shift_jis'] as const) {
    it(`changes nothing when the stored plans come back unchanged (${encoding})`, async () => {
      const plans = dataset.plans.filter((plan) => encodes(plan, encoding));
      expect(plans.length).toBeGreaterThan(0);
      let unchanged = 0;
      for (const plan of plans) {
        for (const outcome of await importAll(db, plan, encoding)) {
          expect(outcome.report.errors).toEqual([]);
          expect(outcome.report.counts).toMatchObject({ created: 0, updated: 0, rejected: 0 });
          unchanged += outcome.report.counts.unchanged;
        }
      }
      expect(unchanged).toBeGreaterThan(100);
    });
  }

  it('updates exactly the one value that differs from the stored plan', async () => {
    const plan = structuredClone(dataset.plans.find((p) => p.nodes.some(hasObservation))!);
    const indicator = plan.nodes.flatMap(allIndicators).find((i) => i.observations.length > 0)!;
    const observation = indicator.observations[0]!;
    observation.value += 1;
    observation.text = `${observation.value}`;
    const outcomes = await importAll(db, plan, 'utf-8');
    const counts = outcomes.map((o) => o.report.counts);
    expect(counts.map((c) => [c.created, c.updated, c.rejected])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
    const updated = outcomes[2]!.report.rows.filter((r) => r.action === 'update');
    expect(updated).toMatchObject([{ entity: 'indicatorValue', changedFields: ['text', 'value'] }]);
    const stored = await db
      .selectFrom('indicator_value')
      .select(['value', 'text'])
      .where('id', '=', updated[0]!.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ value: observation.value, text: observation.text });
  });

  it('writes the same bytes again after every exported CSV, achievements.csv included, is imported back', async () => {
    const before = await exportedCsvs(db);
    const achievementRows = Object.entries(before).filter(([name]) => name.endsWith('achievements.csv'));
    expect(achievementRows.length).toBeGreaterThan(0);
    await importEach(db, before);
    const after = await exportedCsvs(db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const name of Object.keys(before))
      expect(Buffer.from(after[name]!).equals(Buffer.from(before[name]!)), name).toBe(true);
  });

  it('creates and then corrects an achievement from achievements.csv', async () => {
    const plan = structuredClone(dataset.plans[0]!);
    const node = plan.nodes[0]!;
    node.achievements.push({
      id: 'new-achievement',
      title: '新しい実績',
      date: '2024-04',
      dateBasis: 'event',
      highlight: false,
      details: ['一行目', '二行目'],
      source: { documentId: dataset.documents[0]!.id, line: 1 },
    });
    const first = await importTableFile(db, csvOf(plan, 'achievements', 'utf-8'), {
      publish: true,
      file: 'achievements.csv',
    });
    expect(first.report.errors).toEqual([]);
    expect(first.report.counts).toMatchObject({ created: 1, updated: 0, rejected: 0 });
    node.achievements.at(-1)!.title = '直した実績';
    const second = await importTableFile(db, csvOf(plan, 'achievements', 'utf-8'), {
      publish: true,
      file: 'achievements.csv',
    });
    expect(second.report.rows.filter((r) => r.action === 'update')).toMatchObject([
      { entity: 'achievement', id: 'new-achievement', changedFields: ['title'] },
    ]);
    const stored = (await createReadStore(db).getNode(node.id))?.node.achievements.at(-1);
    expect(stored).toMatchObject({
      id: 'new-achievement',
      title: '直した実績',
      details: ['一行目', '二行目'],
    });
  });

  it('reads back text the export guarded against spreadsheet formulas exactly as stored', async () => {
    const plan = structuredClone(dataset.plans[0]!);
    const titles = [
      '=HYPERLINK("http://evil.example","x")',
      "'=literal apostrophe",
      '-5 と書いた題',
      '@SUM(A1)',
    ];
    titles.forEach((title, index) => {
      plan.nodes[index]!.title = title;
    });
    const csv = new TextDecoder().decode(csvOf(plan, 'nodes', 'utf-8'));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(`''=literal apostrophe`);
    const outcome = await importTableFile(db, csvOf(plan, 'nodes', 'utf-8'), {
      publish: true,
      file: 'nodes.csv',
    });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.counts).toMatchObject({ updated: titles.length, rejected: 0 });
    const ids = plan.nodes.slice(0, titles.length).map((n) => n.id);
    const stored = await db.selectFrom('node').select(['id', 'title']).where('id', 'in', ids).execute();
    expect(Object.fromEntries(stored.map((r) => [r.id, r.title]))).toEqual(
      Object.fromEntries(ids.map((id, index) => [id, titles[index]])),
    );
  });
});

/** Every table of every stored plan as our CSV export writes it, by `plan/table.csv`. */
async function exportedCsvs(db: Kysely<Database>): Promise<Record<string, Uint8Array>> {
  const store = createReadStore(db);
  const files: Record<string, Uint8Array> = {};
  for (const { id } of await store.listPlans()) {
    const plan = await store.getPlan(id);
    if (!plan) throw new Error(`no plan ${id}`);
    for (const table of planTableNames) {
      const encoded = encodeCsv(planTables(plan)[table], 'utf-8');
      if (!encoded.ok) throw new Error(`cannot encode ${table}`);
      files[`${id}/${table}.csv`] = encoded.bytes;
    }
  }
  return files;
}

/** Imports each file (published at once) and expects it to change nothing; answers the rows it left unchanged. */
async function importEach(db: Kysely<Database>, files: Record<string, Uint8Array>): Promise<number> {
  let unchanged = 0;
  for (const [name, bytes] of Object.entries(files)) {
    const outcome = await importTableFile(db, bytes, { publish: true, file: name.replace('/', '-') });
    if (outcome.report.rows.length === 0 && outcome.report.errors.length === 0) continue;
    expect(outcome.report.errors, name).toEqual([]);
    expect(outcome.report.counts, name).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    unchanged += outcome.report.counts.unchanged;
  }
  return unchanged;
}

describe.each(testDatabases)('the 事務事業評価 tables exported and imported back on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    expect((await migrateToLatest(db)).ok).toBe(true);
    // サンプル町 holds sheets with every money column, reported figures, a signed 一次評価 with 観点, an external
    // score in %, and evaluations of a plan itself.
    await saveOrganizationDocument(db, sampleDataset());
  });
  afterEach(() => handle.close());

  it('reads program-sheets.csv and evaluations.csv back unchanged, and writes the same bytes again', async () => {
    const before = await exportedCsvs(db);
    const rowsOf = (table: string) =>
      Object.entries(before)
        .filter(([name]) => name.endsWith(`/${table}.csv`))
        .reduce((n, [, bytes]) => n + new TextDecoder().decode(bytes).trim().split('\n').length - 1, 0);
    expect(rowsOf('program-sheets')).toBeGreaterThan(1);
    expect(rowsOf('evaluations')).toBeGreaterThan(3);
    const evaluationFiles = Object.fromEntries(
      Object.entries(before).filter(([name]) => /(program-sheets|evaluations)\.csv$/.test(name)),
    );
    expect(await importEach(db, evaluationFiles)).toBeGreaterThan(rowsOf('program-sheets'));
    const after = await exportedCsvs(db);
    for (const name of Object.keys(before))
      expect(Buffer.from(after[name]!).equals(Buffer.from(before[name]!)), name).toBe(true);
  });

  it('carries the printed figures out and back: a changed printed トータルコスト is read from the file', async () => {
    const store = createReadStore(db);
    const plan = structuredClone((await store.getPlan('sample-first'))!);
    const program = plan.nodes.flatMap(allNodes).find((n) => n.id === 'first-program')!;
    const sheet = program.programSheets[0]!;
    const csv = new TextDecoder().decode(csvOf(plan, 'program-sheets', 'utf-8'));
    expect(csv.split('\n')[0]).toContain('printedTotalCost');
    expect(csv).toContain('15,400千円');
    const printed = sheet.reported.find((f) => f.kind === 'totalCost')!;
    Object.assign(printed, { value: 15_500_000, text: '15,500千円' });
    const outcome = await importTableFile(db, csvOf(plan, 'program-sheets', 'utf-8'), {
      publish: true,
      file: 'program-sheets.csv',
    });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.rows.filter((r) => r.action !== 'unchanged')).toMatchObject([
      { entity: 'programSheet', id: sheet.id, changedFields: ['reported'] },
    ]);
    const stored = (await store.getNode('first-program'))?.node.programSheets[0]?.reported;
    expect(stored?.find((f) => f.kind === 'totalCost')).toMatchObject({
      value: 15_500_000,
      text: '15,500千円',
    });
    expect(stored?.find((f) => f.kind === 'executionRate')).toMatchObject({ value: 95 });
  });

  it('updates exactly the changed 決算 of a program-sheets.csv, and the evaluation whose score changed', async () => {
    const store = createReadStore(db);
    const plan = structuredClone((await store.getPlan('sample-first'))!);
    const program = plan.nodes.flatMap(allNodes).find((n) => n.id === 'first-program')!;
    program.programSheets[1]!.settlement = 2_900_000_000;
    program.evaluations[1]!.score = 66;
    const sheets = await importTableFile(db, csvOf(plan, 'program-sheets', 'utf-8'), {
      publish: true,
      file: 'program-sheets.csv',
    });
    expect(sheets.report.errors).toEqual([]);
    expect(sheets.report.rows.filter((r) => r.action !== 'unchanged')).toMatchObject([
      { entity: 'evaluation', id: 'first-program.e2', changedFields: ['score'], row: 2 },
      { entity: 'programSheet', id: 'first-program.fy2020', changedFields: ['settlement'], row: 3 },
    ]);
    const stored = await store.getNode('first-program');
    expect(stored?.node.programSheets[1]?.settlement).toBe(2_900_000_000);
    expect(stored?.node.evaluations[1]).toMatchObject({ score: 66, scoreUnit: '%' });
  });
});

const allNodes = (node: Node): Node[] => [node, ...node.children.flatMap(allNodes)];

type Node = Plan['nodes'][number];
const allIndicators = (node: Node): Node['indicators'] => [
  ...node.indicators,
  ...node.children.flatMap(allIndicators),
];
const hasObservation = (node: Node): boolean => allIndicators(node).some((i) => i.observations.length > 0);
