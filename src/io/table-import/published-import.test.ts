/**
 * The published KPI tables of /work/shared/samples (test/fixtures/published-kpi) imported into a database holding an
 * organization and an empty plan, then read back through the API, the node page and the CSV export.
 */
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { saveEmptyPlan } from '../../../test/helpers/published-kpi.ts';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import { createAccountStore } from '../../store/accounts/index.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { withImportTables } from '../../store/import-mappings/tables.ts';
import { createReadStore } from '../../store/queries.ts';
import type { Database } from '../../store/schema.ts';
import { createApp } from '../../web/app.tsx';
import { parseCsv } from '../tables/index.ts';
import { importTableFile } from './import-table.ts';
import { fileDocumentId } from './published-import.ts';
import { resolveMapping } from './published-mappings.ts';

const samples = new URL('../../../test/fixtures/published-kpi', import.meta.url).pathname;
const sample = async (name: string) => new Uint8Array(await readFile(`${samples}/${name}`));

const counts = async (db: Kysely<Database>) => {
  const count = async (table: 'node' | 'indicator' | 'indicator_value' | 'source_document') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    nodes: await count('node'),
    indicators: await count('indicator'),
    values: await count('indicator_value'),
    documents: await count('source_document'),
  };
};

describe.each(testDatabases)('importing a published KPI table on $name', (database) => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  beforeEach(async () => {
    handle = await database.open();
    db = handle.db;
    await saveEmptyPlan(db);
  });
  afterEach(() => handle.close());

  const at = () => new Date('2026-12-03T09:00:00.000Z');

  it('imports the Shift_JIS Oyabe table: nodes by code, blank units, calendar years with no fiscal year, cells as sources', async () => {
    const bytes = await sample('oyabe-kpi.sjis.csv');
    const options = {
      publish: true,
      confirmWarnings: 'all' as const,
      file: 'oyabe-kpi.sjis.csv',
      planId: 'oyabe-plan',
      actor: '企画課',
      now: at,
    };
    const before = await counts(db);
    const dry = await importTableFile(db, bytes, { ...options, dryRun: true });
    expect(dry.ok).toBe(true);
    expect(await counts(db)).toEqual(before);
    const columns = dry.report.published?.columns.map((c) => `${c.letter}:${c.target}`);
    expect(columns).toEqual([
      'A:nodeCode',
      'B:name',
      'C:category',
      'D:actual:2000',
      'E:actual:2001',
      'F:actual:2002',
      'G:actual:2003-09-30',
      'H:forecast:2003',
      'I:target',
    ]);
    const notes = dry.report.published?.notes.map((n) => n.messageEn) ?? [];
    expect(notes).toContain("create node 11204 (oyabe-plan.11204, pillar) at the plan's top level");
    expect(notes.filter((n) => n.includes('is not a number and cannot be stored'))).toHaveLength(4);
    expect(dry.report.rows.filter((r) => r.entity === 'node').map((r) => r.id)).toHaveLength(9);

    const real = await importTableFile(db, bytes, options);
    expect(real).toMatchObject({ ok: true, committed: true });
    expect(await counts(db)).toEqual({
      nodes: before.nodes + 9,
      indicators: before.indicators + 14,
      values: before.values + 46,
      documents: before.documents + 1,
    });

    // The words 設置 and 策定 are not values: the two event rows have none.
    const events = await db
      .selectFrom('indicator')
      .leftJoin('indicator_value', 'indicator_value.indicator_id', 'indicator.id')
      .select(['indicator.name', 'indicator.unit', 'indicator_value.id as valueId'])
      .where('indicator.name', 'in', ['生涯学習推進協議会の設置', '生涯スポーツプラン策定'])
      .execute();
    expect(events).toEqual([
      expect.objectContaining({ unit: '', valueId: null }),
      expect.objectContaining({ unit: '', valueId: null }),
    ]);
    // Every indicator the table created carries the key of its definition, so it can be compared.
    const keyed = await db
      .selectFrom('indicator')
      .select(['name', 'unit', 'kind', 'comparison_key'])
      .where('id', 'like', 'oyabe-plan.%')
      .execute();
    expect(keyed).toHaveLength(14);
    for (const row of keyed)
      expect(row.comparison_key).toBe(comparisonKeyOf({ ...row, kind: row.kind as 'outcome' | 'output' }));

    const docId = fileDocumentId(real.report.published?.document?.sha256 ?? '');
    const file = await withImportTables(db)
      .selectFrom('import_file')
      .selectAll()
      .where('document_id', '=', docId)
      .executeTakeFirstOrThrow();
    expect(file).toMatchObject({
      file_name: 'oyabe-kpi.sjis.csv',
      uploaded_at: '2026-12-03T09:00:00.000Z',
      uploaded_by: '企画課',
    });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Through the API, the node page and the CSV export.
    const app = createApp({ store: createReadStore(db) });
    const res = await app.request('/api/v1/plans/oyabe-plan/indicators');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      indicators: {
        id: string;
        nodeId: string;
        name: string;
        unit: string;
        observations: { date: string; value: number; fiscalYear: number | null; source: object }[];
      }[];
    };
    const birth = body.indicators.find((i) => i.name === '生涯学習推進協議会の設置');
    expect(birth).toMatchObject({ unit: '', observations: [] });
    const it2 = body.indicators.find((i) => i.name === 'IT講座修了者数');
    expect(it2).toMatchObject({ id: 'oyabe-plan.11204.k2', nodeId: 'oyabe-plan.11204' });
    expect(it2?.unit).toBe('人');
    expect(it2?.observations.map((o) => [o.date, o.value, o.fiscalYear])).toEqual([
      ['2001', 1007, null],
      ['2002', 448, null],
      ['2003-09-30', 196, 2003],
    ]);
    expect(it2?.observations[0]?.source).toEqual({
      documentId: docId,
      section: '行5 列E',
      quote: '1,007人',
    });

    const html = await (await app.request('/nodes/oyabe-plan.11204')).text();
    expect(html).toContain('IT講座修了者数');
    expect(html).toContain('1,400人');
    expect(html).toContain(`/documents/${docId}`);
    // The page names the cell a value cites, as the API does.
    expect(html).toContain('title="1,007人">oyabe-kpi.sjis.csv 行5 列E（職員が取り込んだファイル）</a>');

    const csv = await (
      await app.request('/downloads/indicators/oyabe-plan.11204.k2/indicator-values.csv')
    ).text();
    const parsed = parseCsv(csv.replace(/^\uFEFF/, ''));
    if (!parsed.ok) throw new Error('the export is not CSV');
    const [head = [], ...rows] = parsed.records.map((r) => r.cells);
    const row2001 = rows.find((r) => r[head.indexOf('date')] === '2001') ?? [];
    const field = (row: string[], name: string) => row[head.indexOf(name)];
    expect(field(row2001, 'fiscalYear')).toBe('');
    expect(field(row2001, 'sourceDocumentId')).toBe(docId);
    expect(field(row2001, 'sourceSection')).toBe('行5 列E');
    const doc = await (await app.request(`/documents/${docId}`)).text();
    expect(doc).toContain('oyabe-kpi.sjis.csv');

    // The same file again changes nothing.
    const again = await importTableFile(db, bytes, options);
    expect(again).toMatchObject({ ok: true, committed: true });
    expect(again.report.counts).toMatchObject({ created: 0, updated: 0 });
    expect(again.report.published?.document?.created).toBe(false);
    expect(await counts(db)).toEqual({
      nodes: before.nodes + 9,
      indicators: before.indicators + 14,
      values: before.values + 46,
      documents: before.documents + 1,
    });
  });

  it('imports the Mori table under a named node, dating KPI and 実績値 by mapping, the fiscal year kept', async () => {
    const bytes = await sample('mori-kpi.sjis.csv');
    const mapping = await resolveMapping(db, {
      map: ['KPI=target:H31年度', '実績値=actual:H28年度'],
      ignore: ['進捗状況'],
    });
    if (!mapping.ok) throw new Error(mapping.messages.join('\n'));
    const options = {
      publish: true,
      confirmWarnings: 'all' as const,
      file: 'mori-kpi.sjis.csv',
      planId: 'oyabe-plan',
      node: '雇用支援',
      mapping: mapping.mapping,
      now: at,
    };
    const real = await importTableFile(db, bytes, options);
    expect(real.report.errors).toEqual([]);
    expect(real.committed).toBe(true);
    const values = await db
      .selectFrom('indicator_value')
      .innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
      .innerJoin('source', 'source.id', 'indicator_value.source_id')
      .select([
        'indicator.name',
        'indicator.direction',
        'indicator_value.role',
        'indicator_value.date',
        'indicator_value.fiscal_year',
        'indicator_value.value',
        'indicator_value.text',
        'source.section',
      ])
      .where('indicator.name', '=', '町全体の空き店舗数増加の抑制')
      .orderBy('indicator_value.role')
      .execute();
    expect(values).toEqual([
      expect.objectContaining({
        role: 'baseline',
        date: 'FY2015',
        fiscal_year: 2015,
        value: 127,
        text: 'H27年度現在 127件',
        section: '行2 列B',
      }),
      expect.objectContaining({ role: 'observation', date: 'FY2016', fiscal_year: 2016, value: 127 }),
      expect.objectContaining({ role: 'target', date: 'FY2019', fiscal_year: 2019, value: 139 }),
    ]);
    // The forecast 「H31年度予測 144件」 is not stored: three values, not four.
    expect(values[0]?.direction).toBe('increase');
    const again = await importTableFile(db, bytes, options);
    expect(again.report.counts).toMatchObject({ created: 0, updated: 0 });
  });

  it('imports nothing when one row is refused, and asks about a bare H25 until --year-kind answers', async () => {
    const csv = '指標名,単位,H25,H26\n合計特殊出生率,,1.36,1.40\n観光客数,人,12件,13件\n';
    const bytes = new TextEncoder().encode(csv);
    const before = await counts(db);
    const asked = await importTableFile(db, bytes, {
      publish: true,
      confirmWarnings: 'all',
      file: 'h.csv',
      planId: 'oyabe-plan',
      node: '人口',
    });
    expect(asked.ok).toBe(false);
    expect(asked.report.errors.map((e) => e.messageEn)).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'question: column H25 may be the calendar year 2013 or the fiscal year FY2013',
        ),
        expect.stringContaining('unit 件 differs from the unit column 人'),
      ]),
    );
    expect(await counts(db)).toEqual(before);

    const fixed = new TextEncoder().encode(csv.replace('12件,13件', '12人,13人'));
    const mapping = await resolveMapping(db, { yearKind: 'calendar' });
    if (!mapping.ok) throw new Error('mapping');
    const done = await importTableFile(db, fixed, {
      publish: true,
      confirmWarnings: 'all',
      file: 'h.csv',
      planId: 'oyabe-plan',
      node: '人口',
      mapping: mapping.mapping,
    });
    expect(done.report.errors).toEqual([]);
    const birth = await db
      .selectFrom('indicator_value')
      .innerJoin('indicator', 'indicator.id', 'indicator_value.indicator_id')
      .select(['indicator.unit', 'indicator_value.date', 'indicator_value.fiscal_year'])
      .where('indicator.name', '=', '合計特殊出生率')
      .orderBy('indicator_value.date')
      .execute();
    expect(birth).toEqual([
      { unit: '', date: '2013', fiscal_year: null },
      { unit: '', date: '2014', fiscal_year: null },
    ]);
  });

  it("creates a code column's 施策 under the named node, titled by the title column beside the code", async () => {
    const csv =
      '施策コード,施策名,指標名,単位,平成28年\n' +
      '11302,図書館の充実,図書館入館者数,人,"102,521人"\n' +
      '11306,,公民館改築数,箇所,1箇所\n';
    const options = {
      file: 'codes.csv',
      planId: 'oyabe-plan',
      node: '生涯学習の促進',
      publish: true,
      confirmWarnings: 'all' as const,
    };
    const dry = await importTableFile(db, new TextEncoder().encode(csv), { ...options, dryRun: true });
    expect(dry.report.errors).toEqual([]);
    expect(dry.report.published?.notes.map((n) => n.messageJa)).toEqual(
      expect.arrayContaining([
        'ノード「生涯学習の促進」(oyabe-plan.n1、pillar) を計画の直下に作ります',
        'ノード「11302 図書館の充実」(oyabe-plan.11302、policy) を「生涯学習の促進」の下に作ります',
        'ノード「11306」(oyabe-plan.11306、policy) を「生涯学習の促進」の下に作ります',
      ]),
    );
    expect((await importTableFile(db, new TextEncoder().encode(csv), options)).committed).toBe(true);
    const nodes = await db
      .selectFrom('node')
      .select(['id', 'code', 'title', 'kind', 'parent_id'])
      .where('plan_id', '=', 'oyabe-plan')
      .orderBy('id')
      .execute();
    expect(nodes).toEqual([
      {
        id: 'oyabe-plan.11302',
        code: '11302',
        title: '図書館の充実',
        kind: 'policy',
        parent_id: 'oyabe-plan.n1',
      },
      { id: 'oyabe-plan.11306', code: '11306', title: '11306', kind: 'policy', parent_id: 'oyabe-plan.n1' },
      { id: 'oyabe-plan.n1', code: null, title: '生涯学習の促進', kind: 'pillar', parent_id: null },
    ]);
    // Again: every node found by its code, nothing created.
    const again = await importTableFile(db, new TextEncoder().encode(csv), options);
    expect(again.report.counts).toMatchObject({ created: 0, updated: 0 });
  });

  it('compares a re-import as drafts with the drafts pending: the same file twice adds nothing', async () => {
    const added = await createAccountStore(db).addUser({
      login: 'kikaku',
      password: 'a-long-enough-password',
      role: 'editor',
    });
    if (!added.ok) throw new Error('cannot add the staff account');
    const csv = '施策コード,指標名,単位,平成28年,平成29年\n11302,図書館入館者数,人,100人,110人\n';
    const options = {
      file: 'drafts.csv',
      planId: 'oyabe-plan',
      node: '生涯学習の促進',
      actor: 'kikaku',
      confirmWarnings: 'all' as const,
    };
    const drafts = () =>
      withEditingTables(db).selectFrom('draft_change').select(['entity_id', 'action', 'data']).execute();
    const first = await importTableFile(db, new TextEncoder().encode(csv), options);
    expect(first.committed).toBe(true);
    const pending = await drafts();
    expect(pending).toHaveLength(5);
    const again = await importTableFile(db, new TextEncoder().encode(csv), options);
    expect(again.report.counts).toMatchObject({ created: 0, updated: 0 });
    expect(await drafts()).toEqual(pending);
    // One value changed: the drafts are updated in place and stay creates (nothing of them is published yet).
    const changed = await importTableFile(
      db,
      new TextEncoder().encode(csv.replace('110人', '120人')),
      options,
    );
    // Both values now cite the new file (another SHA-256, another document); one also changes its figure.
    expect(changed.report.counts).toMatchObject({ created: 0, updated: 2 });
    const after = await drafts();
    expect(after).toHaveLength(5);
    expect(new Set(after.map((d) => d.action))).toEqual(new Set(['create']));
    expect(after.some((d) => JSON.parse(d.data).value === 120)).toBe(true);
  });

  it('warns when 年 and 年度 headers are mixed, and matches rows by id when the sheet gives one', async () => {
    const csv = '指標ID,指標名,施策,単位,平成28年,平成29年度\nmix.a,観光客数,観光,人,1人,2人\n';
    const out = await importTableFile(db, new TextEncoder().encode(csv), {
      publish: true,
      confirmWarnings: 'all',
      file: 'mix.csv',
      planId: 'oyabe-plan',
      dryRun: true,
    });
    expect(out.ok).toBe(true);
    expect(out.report.published?.notes.map((n) => n.messageEn)).toContain(
      'calendar-year (年) and fiscal-year (年度) columns are mixed: each is read as its header says; check for a typo',
    );
    expect(out.report.rows.find((r) => r.entity === 'indicator')?.id).toBe('mix.a');
  });
});
