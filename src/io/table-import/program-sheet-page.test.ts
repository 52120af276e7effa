/**
 * Tried as a new user would: a fresh database holds only the town, its report and the program (no sheet, no
 * evaluation); staff download the 事務事業評価 CSV template, type a sheet's two years into it below the example row,
 * import it, and every figure they typed is on the program's public page, in 千円 as the page prints amounts.
 * FIXTURE: the fictional サンプル町 (test/helpers/sample-dataset.ts); the demo's sources print no sheet of one
 * program (枚方市's page prints rollups by direction only), so the figures here are the fixture's, not a city's.
 */
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import type { Database } from '../../store/schema.ts';
import { createSearchStore } from '../../store/search/index.ts';
import { createApp } from '../../web/app.tsx';
import { buildTemplateCsv } from '../tables/index.ts';
import { importTableFile } from './import-table.ts';

/** The town with its program and nothing evaluated yet. */
function freshTown() {
  const dataset = sampleDataset();
  const strip = (nodes: (typeof dataset.plans)[number]['nodes']) => {
    for (const node of nodes) {
      node.programSheets = [];
      node.evaluations = [];
      strip(node.children);
    }
  };
  for (const plan of dataset.plans) {
    plan.evaluations = [];
    strip(plan.nodes);
  }
  return dataset;
}

/** The template's header and example row, then the user's rows under the header's columns. */
function typedIntoTemplate(rows: Record<string, string>[]): Uint8Array {
  const [header = '', example = ''] = new TextDecoder()
    .decode(buildTemplateCsv('programSheets'))
    .split('\r\n');
  const columns = header.replace(/^\ufeff/, '').split(',');
  const line = (row: Record<string, string>) =>
    columns.map((c) => (row[c] === undefined ? '' : `"${row[c]}"`)).join(',');
  return new TextEncoder().encode([header, example, ...rows.map(line)].join('\r\n'));
}

// Two years of one program, as a sheet prints them (amounts in 千円 as typed, a 億/万 one, 和暦 years).
const typed: Record<string, string>[] = [
  {
    nodeId: 'first-program',
    fiscalYear: '令和3年度',
    budgetInitial: '10,000千円',
    budgetSupplementary: '2,000千円',
    budgetFinal: '12,000千円',
    settlement: '11,400千円',
    fundingNational: '5,000千円',
    fundingGeneral: '6,400千円',
    staffYears: '0.5',
    averageSalary: '800万円',
    printedTotalCost: '15,400千円',
    firstGrade: 'B',
    firstNextStep: '見直し',
    secondGrade: 'A',
    budgetEffect: '▲600千円',
    sourceDocumentId: 'sample-report',
    sourceLine: '16',
  },
  {
    nodeId: 'first-program',
    fiscalYear: 'R4',
    budgetInitial: '1億2,000万円',
    budgetFinal: '1億2,000万円',
    settlement: '1億1,800万円',
    sourceDocumentId: 'sample-report',
    sourceLine: '17',
  },
];

describe.each(testDatabases)('a sheet typed into the template by a new user on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    await saveOrganizationDocument(db, freshTown());
  });
  afterEach(() => handle.close());

  it('imports and shows every typed figure on the program page', async () => {
    const outcome = await importTableFile(db, typedIntoTemplate(typed), {
      file: '事務事業評価.csv',
      publish: true,
    });
    expect(outcome.report.errors).toEqual([]);
    expect(outcome.report.counts).toMatchObject({ created: 4, rejected: 0 });
    const app = createApp({ store: createReadStore(db), search: createSearchStore(db) });
    const res = await app.request('/nodes/first-program');
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const figure of [
      '10,000千円',
      '2,000千円',
      '12,000千円',
      '11,400千円',
      '5,000千円',
      '6,400千円',
      '>0.5<',
      '4,000千円',
      '15,400千円',
      '120,000千円',
      '118,000千円',
      '▲600千円',
    ])
      expect(page, figure).toContain(figure);
    // The stages side by side, in the town's own words.
    expect(page).toContain('一次評価');
    expect(page).toContain('二次評価');
    expect(page).toContain('見直し');
  });
});
