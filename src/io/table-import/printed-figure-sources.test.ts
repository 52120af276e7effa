/**
 * A printed figure's own source survives the CSV round trip into an empty database: 大船渡市's sheets cite each
 * printed 事業費, トータルコスト, 従事職員数 and 延べ業務時間 on its own line of the sheet's text, apart from the
 * sheet's source. program-sheets.csv carries it in `printedProgramCostSource` … (「資料: … | 行: 84 | 引用: …」).
 * FIXTURE: data/demo/ofunato.
 */
import type { Kysely } from 'kysely';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { OrganizationDocument, PlanNode, ProgramSheet } from '../../domain/model.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import { loadDataset, otherDemoDatasetDirs } from '../dataset.ts';
import { encodeCsv, planTables, writeXlsx } from '../export/index.ts';
import { importTableFile } from './import-table.ts';

const dir = otherDemoDatasetDirs.find((d) => d.includes('ofunato')) ?? '';
const tables = ['program-sheets', 'evaluations'] as const;

const allNodes = (nodes: readonly PlanNode[]): PlanNode[] =>
  nodes.flatMap((n) => [n, ...allNodes(n.children)]);

/** The organization, its documents, plan, programs and indicators: no sheet, no evaluation. */
function withoutSheets(demo: OrganizationDocument): OrganizationDocument {
  const doc = structuredClone(demo);
  for (const plan of doc.plans) {
    plan.evaluations = [];
    for (const node of allNodes(plan.nodes)) {
      node.programSheets = [];
      node.evaluations = [];
    }
  }
  return doc;
}

/** program-sheets.csv and evaluations.csv of every plan the database holds, as the export writes them. */
async function exported(db: Kysely<Database>): Promise<Map<string, Uint8Array>> {
  const store = createReadStore(db);
  const files = new Map<string, Uint8Array>();
  for (const { id } of await store.listPlans()) {
    const plan = await store.getPlan(id);
    if (!plan) throw new Error(`no plan ${id}`);
    for (const table of tables) {
      // 大船渡市 keeps the glossary's 観点, the export's default.
      const encoded = encodeCsv(planTables(plan)[table], 'utf-8');
      if (!encoded.ok) throw new Error(`cannot encode ${table}`);
      files.set(`${id}/${table}.csv`, encoded.bytes);
    }
  }
  return files;
}

const printedSources = (sheets: readonly ProgramSheet[]) =>
  sheets.flatMap((s) => s.reported.map((r) => [s.id, r.kind, r.source]));

let demo: OrganizationDocument;
beforeAll(async () => {
  demo = await loadDataset(dir);
});

describe.each(testDatabases)(
  'printed figures’ own sources through program-sheets.csv on $name',
  (database) => {
    const handles: DatabaseHandle[] = [];
    let full: Kysely<Database>;
    let empty: Kysely<Database>;
    beforeEach(async () => {
      handles.push(await database.open(), await database.open());
      full = (handles[0] as DatabaseHandle).db;
      empty = (handles[1] as DatabaseHandle).db;
      await saveOrganizationDocument(full, demo);
      await saveOrganizationDocument(empty, withoutSheets(demo));
    });
    afterEach(async () => {
      for (const handle of handles.splice(0)) await handle.close();
    });

    it('exports, imports into a database without sheets, and exports the same bytes again', async () => {
      const before = await exported(full);
      const sheetsCsv = new TextDecoder().decode(before.get('ofunato-jimujigyo-r7/program-sheets.csv'));
      // Each printed figure's line, in its own column beside the figure.
      expect(sheetsCsv.split('\n')[0]).toContain('printedTotalCost,printedTotalCostSource');
      expect(sheetsCsv).toContain('"資料: ofunato-jimujigyo-r7 | 行: 88 | 引用: ""grandTotal"": 3937"');
      for (const table of tables) {
        const outcome = await importTableFile(
          empty,
          before.get(`ofunato-jimujigyo-r7/${table}.csv`) as Uint8Array,
          {
            publish: true,
            file: `${table}.csv`,
          },
        );
        expect(outcome.report.errors, table).toEqual([]);
        expect(outcome.committed, table).toBe(true);
      }
      const after = await exported(empty);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [name, bytes] of before)
        expect(new TextDecoder().decode(after.get(name)), name).toBe(new TextDecoder().decode(bytes));
    });

    it('reads the sources back from the workbook (export.xlsx) too', async () => {
      const plan = await createReadStore(full).getPlan('ofunato-jimujigyo-r7');
      if (!plan) throw new Error('no plan');
      const workbook = await writeXlsx(Object.values(planTables(plan)));
      const outcome = await importTableFile(empty, workbook, {
        publish: true,
        file: 'export.xlsx',
        sheet: 'program-sheets',
      });
      expect(outcome.report.errors).toEqual([]);
      const sheetsOf = async (db: Kysely<Database>) =>
        allNodes((await createReadStore(db).getPlan('ofunato-jimujigyo-r7'))?.nodes ?? []).flatMap(
          (n) => n.programSheets,
        );
      expect(printedSources(await sheetsOf(empty))).toEqual(printedSources(await sheetsOf(full)));
    });

    it('stores every printed figure with the source the demo gives it, not the sheet’s', async () => {
      const before = await exported(full);
      for (const table of tables)
        await importTableFile(empty, before.get(`ofunato-jimujigyo-r7/${table}.csv`) as Uint8Array, {
          publish: true,
          file: `${table}.csv`,
        });
      const sheetsOf = async (db: Kysely<Database>) =>
        allNodes((await createReadStore(db).getPlan('ofunato-jimujigyo-r7'))?.nodes ?? []).flatMap(
          (n) => n.programSheets,
        );
      const expected = printedSources(await sheetsOf(full));
      expect(expected).toHaveLength(36);
      expect(expected.every(([, , source]) => source !== undefined)).toBe(true);
      expect(printedSources(await sheetsOf(empty))).toEqual(expected);
      expect(expected).toEqual(
        printedSources(allNodes(demo.plans.flatMap((p) => p.nodes)).flatMap((n) => n.programSheets)),
      );
    });
  },
);
