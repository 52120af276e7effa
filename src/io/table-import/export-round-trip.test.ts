import type { Kysely } from 'kysely';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
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
    const store = createReadStore(db);
    // Issue 14 item 5: the 事務事業評価 tables are exported, but their table importer is not built yet (JSON carries them).
    const notYetImportable = new Set<string>(['program-sheets', 'evaluations']);
    const exported = async () => {
      const files: Record<string, Uint8Array> = {};
      for (const { id } of await store.listPlans()) {
        const plan = await store.getPlan(id);
        if (!plan) throw new Error(`no plan ${id}`);
        for (const table of planTableNames.filter((name) => !notYetImportable.has(name))) {
          const encoded = encodeCsv(planTables(plan)[table], 'utf-8');
          if (!encoded.ok) throw new Error(`cannot encode ${table}`);
          files[`${id}/${table}.csv`] = encoded.bytes;
        }
      }
      return files;
    };
    const before = await exported();
    const achievementRows = Object.entries(before).filter(([name]) => name.endsWith('achievements.csv'));
    expect(achievementRows.length).toBeGreaterThan(0);
    for (const [name, bytes] of Object.entries(before)) {
      const outcome = await importTableFile(db, bytes, { publish: true, file: name.replace('/', '-') });
      if (outcome.report.rows.length === 0 && outcome.report.errors.length === 0) continue;
      expect(outcome.report.errors, name).toEqual([]);
      expect(outcome.report.counts, name).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    }
    const after = await exported();
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

type Node = Plan['nodes'][number];
const allIndicators = (node: Node): Node['indicators'] => [
  ...node.indicators,
  ...node.children.flatMap(allIndicators),
];
const hasObservation = (node: Node): boolean => allIndicators(node).some((i) => i.observations.length > 0);
