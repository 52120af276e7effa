/**
 * Tried as a new user would, with a real published sheet: 大船渡市's 事務事業評価シート (令和7年度) of three
 * programs, typed into the downloaded 事務事業評価 template (test/fixtures/ofunato-jimujigyo-r7.csv: the template's
 * header and example row, then one row per program and 年度 with the figures as the sheet prints them, in 千円 with
 * the unit written out, and the 方向性 with its choice number). A fresh database holds the city, its document and
 * the programs, nothing evaluated; the file goes through the dry run, then the commit, and every figure typed is on
 * the program's page in its year's column, each printed total beside the computed one. The import lands exactly
 * the demo's sheets and evaluations (data/demo/ofunato), so the demo is what the sheet says.
 * FIXTURE: data/demo/ofunato (the sheet's text in documents/ofunato-jimujigyo-r7.txt) and the CSV above.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrganizationDocument, PlanNode, ProgramSheet } from '../src/domain/model.ts';
import { loadDataset, otherDemoDatasetDirs } from '../src/io/dataset.ts';
import { importTableFile } from '../src/io/table-import/import-table.ts';
import { buildTemplateCsv } from '../src/io/tables/index.ts';
import type { DatabaseHandle } from '../src/store/db.ts';
import { createReadStore } from '../src/store/queries.ts';
import { saveOrganizationDocument } from '../src/store/save-dataset.ts';
import type { Database } from '../src/store/schema.ts';
import { createSearchStore } from '../src/store/search/index.ts';
import { createApp } from '../src/web/app.tsx';
import { pointText } from '../src/web/components/PointValue.tsx';
import { testDatabases } from './helpers/databases.ts';

const dir = otherDemoDatasetDirs.find((d) => d.includes('ofunato')) ?? '';
const fixture = new URL('./fixtures/ofunato-jimujigyo-r7.csv', import.meta.url);
// The sheet's 対象・活動・成果指標, typed into the indicators template and their values into the indicator-values one.
const indicatorsFixture = new URL('./fixtures/ofunato-jimujigyo-r7-indicators.csv', import.meta.url);
const valuesFixture = new URL('./fixtures/ofunato-jimujigyo-r7-values.csv', import.meta.url);
const programs = ['ofunato-r7.0086', 'ofunato-r7.0582', 'ofunato-r7.0583'];

const allNodes = (nodes: readonly PlanNode[]): PlanNode[] =>
  nodes.flatMap((n) => [n, ...allNodes(n.children)]);

/** The city with its plan and programs, nothing measured or evaluated: no indicator, no sheet, no evaluation. */
function freshCity(demo: OrganizationDocument): OrganizationDocument {
  const doc = structuredClone(demo);
  for (const plan of doc.plans)
    for (const node of allNodes(plan.nodes)) {
      node.indicators = [];
      node.programSheets = [];
      node.evaluations = [];
    }
  return doc;
}

/** The text of an HTML fragment, tags dropped and spaces closed up. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The cost table of a program page: each row's label and its cells, one per year, as the page prints them. */
function costTable(page: string): { years: string[]; rows: Map<string, string[]> } {
  const table = /<table class="cost-table">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
  const cells = (row: string, tag: string) =>
    [...row.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => textOf(m[1] ?? ''));
  const [head = '', ...body] = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? '');
  return {
    years: cells(head, 'th').slice(1),
    rows: new Map(body.map((row) => [cells(row, 'th')[0] ?? '', cells(row, 'td')])),
  };
}

/**
 * The table of the sheet's indicators: its years, and each row's role (the heading of its row group), indicator
 * and values as printed.
 */
function sheetIndicatorTable(page: string): { years: string[]; rows: string[][] } {
  const table = /<table class="sheet-indicators">([\s\S]*?)<\/table>/.exec(page)?.[1] ?? '';
  const cells = (row: string) =>
    [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => textOf(m[1] ?? ''));
  const head = /<thead>([\s\S]*?)<\/thead>/.exec(table)?.[1] ?? '';
  const rows = [...table.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)].flatMap((group) => {
    const [role = [], ...members] = [...(group[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      cells(m[1] ?? ''),
    );
    return members.map((cells) => [role[0] ?? '', ...cells]);
  });
  return { years: cells(head).slice(1), rows };
}

/** The figures printed on the sheet, as the page lists them under 評価シートに印刷された値. */
const printedList = (page: string) =>
  [...page.matchAll(/<ul class="printed-figures"[^>]*>([\s\S]*?)<\/ul>/g)].flatMap((ul) =>
    [...(ul[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => textOf(m[1] ?? '')),
  );

// Every figure of the three programs' sheets, as the sheet prints them (千円), by 年度 令和5・6・7.
const sheet: Record<string, Record<string, [string, string, string]>> = {
  'ofunato-r7.0086': {
    '財源: 一般財源': ['2,817千円', '2,843千円', '2,828千円'],
    事業費: ['2,817千円', '2,843千円', '2,828千円'],
    人件費: ['1,120千円', '1,120千円', '1,120千円'],
    トータルコスト: ['3,937千円', '3,963千円', '3,948千円'],
    従事職員数: ['3人', '3人', '3人'],
    延べ業務時間: ['280時間', '280時間', '280時間'],
  },
  'ofunato-r7.0582': {
    '財源: その他': ['60,337千円', '52,995千円', '56,135千円'],
    事業費: ['60,337千円', '52,995千円', '56,135千円'],
    人件費: ['800千円', '480千円', '200千円'],
    トータルコスト: ['61,137千円', '53,475千円', '56,335千円'],
    従事職員数: ['2人', '1人', '1人'],
    延べ業務時間: ['200時間', '120時間', '50時間'],
  },
  'ofunato-r7.0583': {
    '財源: 地方債': ['—', '2,400千円', '70,000千円'],
    '財源: その他': ['2,994千円', '3,389千円', '3,312千円'],
    事業費: ['2,994千円', '5,789千円', '73,312千円'],
    人件費: ['240千円', '240千円', '240千円'],
    トータルコスト: ['3,234千円', '6,029千円', '73,552千円'],
    従事職員数: ['2人', '2人', '8人'],
    延べ業務時間: ['60時間', '60時間', '60時間'],
  },
};
const years = [2023, 2024, 2025];
const computedRows = ['財源: 一般財源', '財源: その他', '財源: 地方債', '事業費', '人件費', 'トータルコスト'];
const printedKinds = ['事業費', 'トータルコスト', '従事職員数', '延べ業務時間'];

// The directions and comments the sheet prints for 令和7年度: 担当課 (改革改善の方向性), 課長 (今後の方向性).
const decided: Record<string, { direction: string; first: string; second: string }> = {
  'ofunato-r7.0086': {
    direction: '現状維持',
    first: '監視・啓発活動に力を注ぐ必要がある。',
    second: '監視、啓発活動を一層強化していく必要がある。',
  },
  'ofunato-r7.0582': {
    direction: '改革改善（縮小・統合含む）',
    first: '指定管理者との協議を継続的に行う必要がある。',
    second: 'より一層の利用促進に向けた取組を進める必要がある。',
  },
  'ofunato-r7.0583': {
    direction: '改革改善（縮小・統合含む）',
    first: '他魚市場の活動内容や実績についての情報収集',
    second: '効果的な誘致活動等を実施していく必要がある。',
  },
};

let demo: OrganizationDocument;
let bytes: Uint8Array;
let indicatorBytes: Uint8Array;
let valueBytes: Uint8Array;
let documentLines: string[];

beforeAll(async () => {
  demo = await loadDataset(dir);
  bytes = new Uint8Array(readFileSync(fixture));
  indicatorBytes = new Uint8Array(readFileSync(indicatorsFixture));
  valueBytes = new Uint8Array(readFileSync(valuesFixture));
  documentLines = readFileSync(join(dir, 'documents', 'ofunato-jimujigyo-r7.txt'), 'utf8').split('\n');
});

describe('the typed sheet (test/fixtures/ofunato-jimujigyo-r7.csv)', () => {
  it('is the downloaded templates, their header and example row unchanged, with the sheet’s rows under them', () => {
    for (const [kind, file] of [
      ['programSheets', bytes],
      ['indicators', indicatorBytes],
      ['indicatorValues', valueBytes],
    ] as const) {
      const [header, example] = new TextDecoder().decode(buildTemplateCsv(kind)).split('\r\n');
      const lines = new TextDecoder().decode(file).split('\r\n');
      expect(lines[0], kind).toBe(header);
      expect(lines[1], kind).toBe(example);
    }
  });

  it('cites for every row a line of the sheet’s text that holds the quote', () => {
    const rows =
      new TextDecoder().decode(bytes).match(/,ofunato-jimujigyo-r7,,(\d+),,"""year"": (\d)"/g) ?? [];
    expect(rows).toHaveLength(9);
    for (const row of rows) {
      const [, line, year] = /,(\d+),,"""year"": (\d)"/.exec(row) ?? [];
      expect(documentLines[Number(line) - 1]?.trim(), row).toBe(`"year": ${year},`);
      // The year's line of the cost (financials), not of the indicators or the sheet's own 評価年度.
      expect(documentLines[Number(line)], row).toContain('"nationalSubsidy"');
    }
  });
});

describe('the demo (data/demo/ofunato)', () => {
  it('cites each year’s sheet on that year’s cost lines of the text, and each printed figure within them', () => {
    const sheets = allNodes(demo.plans.flatMap((p) => p.nodes)).flatMap((n) => n.programSheets);
    expect(sheets).toHaveLength(9);
    for (const s of sheets) {
      const line = s.source.line ?? 0;
      expect(documentLines[line - 1]?.trim(), s.id).toBe(`"year": ${s.fiscalYear - 2018},`);
      expect(documentLines[line], s.id).toContain('"nationalSubsidy"');
      for (const r of s.reported) {
        const at = r.source?.line ?? 0;
        expect(at > line && at <= line + 10, `${s.id} ${r.kind} on line ${at}`).toBe(true);
      }
    }
  });
});

describe.each(testDatabases)(
  '大船渡市’s sheet typed into the template by a new user on $name',
  (database) => {
    let handle: DatabaseHandle;
    let db: Kysely<Database>;
    beforeEach(async () => {
      handle = await database.open();
      db = handle.db;
      await saveOrganizationDocument(db, freshCity(demo));
    });
    afterEach(() => handle.close());

    const nodeOf = async (id: string) => (await createReadStore(db).getNode(id))?.node;

    /** The three files in the order a new user imports them, each through the dry run first; the counts created. */
    async function typeIn(): Promise<number[]> {
      const created: number[] = [];
      for (const [file, data] of [
        ['指標.csv', indicatorBytes],
        ['実績値.csv', valueBytes],
        ['事務事業評価.csv', bytes],
      ] as const) {
        const dry = await importTableFile(db, data, { file, dryRun: true });
        expect(dry.report.errors, file).toEqual([]);
        expect(dry.report.warnings, file).toEqual([]);
        expect(dry.committed, file).toBe(false);
        const outcome = await importTableFile(db, data, { file, publish: true });
        expect(outcome.report.errors, file).toEqual([]);
        expect(outcome.committed, file).toBe(true);
        expect(outcome.report.counts, file).toMatchObject({
          created: dry.report.counts.created,
          rejected: 0,
        });
        created.push(outcome.report.counts.created);
      }
      return created;
    }

    it('passes the dry run, commits, and lands the demo’s sheets and evaluations exactly', async () => {
      const dry = await importTableFile(db, indicatorBytes, { file: '指標.csv', dryRun: true });
      expect(dry.report.counts).toMatchObject({ created: 15, updated: 0, rejected: 0 });
      expect((await nodeOf('ofunato-r7.0086'))?.indicators).toEqual([]);
      // 15 indicators (4 対象・6 活動・5 成果), 45 values, 9 sheets and 6 evaluations.
      expect(await typeIn()).toEqual([15, 45, 15]);

      const demoNodes = new Map(allNodes(demo.plans.flatMap((p) => p.nodes)).map((n) => [n.id, n]));
      const withoutSource = <T extends { source?: unknown }>({ source: _, ...rest }: T) => rest;
      const sheetOf = (s: ProgramSheet) => ({
        ...withoutSource(s),
        reported: s.reported.map((r) => withoutSource(r)),
      });
      for (const id of programs) {
        const node = await nodeOf(id);
        const expected = demoNodes.get(id);
        expect(node?.programSheets.map(sheetOf), id).toEqual(expected?.programSheets.map(sheetOf));
        const indicatorOf = (i: PlanNode['indicators'][number]) => ({
          ...i,
          observations: i.observations.map((o) => [o.date, o.value, o.text]),
        });
        expect(node?.indicators.map(indicatorOf), id).toEqual(expected?.indicators.map(indicatorOf));
        expect(
          node?.evaluations.map((e) => [
            e.id,
            e.stage,
            e.evaluatorKind,
            e.evaluatorName,
            e.nextStep,
            e.comment,
          ]),
          id,
        ).toEqual(
          expected?.evaluations.map((e) => [
            e.id,
            e.stage,
            e.evaluatorKind,
            e.evaluatorName,
            e.nextStep,
            e.comment,
          ]),
        );
      }
      const again = await importTableFile(db, bytes, { file: '事務事業評価.csv', publish: true });
      expect(again.report.counts).toMatchObject({ created: 0, updated: 0, unchanged: 15 });
    });

    it('describes the 対象指標 in the OpenAPI document: the sheet’s role and the indicator kind', async () => {
      const app = createApp({ store: createReadStore(db), search: createSearchStore(db) });
      const openapi = JSON.stringify(await (await app.request('/api/v1/openapi.json')).json());
      expect(openapi).toContain('"targetIndicatorIds"');
      expect(openapi).toContain('["outcome","output","target"]');
    });

    it('shows every printed figure on the program page, in its year’s column, printed totals beside the computed', async () => {
      await typeIn();
      const app = createApp({ store: createReadStore(db), search: createSearchStore(db) });
      for (const id of programs) {
        const res = await app.request(`/nodes/${id}`);
        expect(res.status).toBe(200);
        const page = await res.text();
        const table = costTable(page);
        expect(table.years, id).toEqual([
          '2023年度（令和5年度）',
          '2024年度（令和6年度）',
          '2025年度（令和7年度）',
        ]);
        const figures = sheet[id] ?? {};
        for (const label of computedRows.filter((l) => figures[l]))
          expect(table.rows.get(label), `${id} ${label}`).toEqual(figures[label]);
        // 事業費 and トータルコスト computed from the typed parts agree with the totals the sheet prints.
        const printed = printedList(page);
        for (const [n, fiscalYear] of years.entries())
          for (const label of printedKinds) {
            const value = figures[label]?.[n] ?? '';
            const computed = label === '事業費' || label === 'トータルコスト' ? ' （計算値と一致）' : '';
            expect(
              printed.some((li) => li.startsWith(`${table.years[n]} ${label}: ${value}${computed}`)),
              `${id} FY${fiscalYear} ${label} ${value} in ${JSON.stringify(printed)}`,
            ).toBe(true);
          }
        // The sheet's indicators in its order 対象 → 活動 → 成果, each year's value in its column.
        const demoNode = allNodes(demo.plans.flatMap((p) => p.nodes)).find((n) => n.id === id);
        const latest = demoNode?.programSheets.at(-1);
        const roles = [
          ['対象指標', latest?.targetIndicatorIds ?? []],
          ['活動指標', latest?.activityIndicatorIds ?? []],
          ['成果指標', latest?.outcomeIndicatorIds ?? []],
        ] as const;
        expect(roles[0][1].length, `${id} 対象指標`).toBeGreaterThan(0);
        const shown = sheetIndicatorTable(page);
        expect(shown.years, id).toEqual(table.years);
        expect(shown.rows, id).toEqual(
          roles.flatMap(([role, ids]) =>
            ids.map((indicatorId) => {
              const i = demoNode?.indicators.find((x) => x.id === indicatorId);
              return [
                role,
                `${i?.name}（${i?.unit}）`,
                ...years.map((y) => {
                  const o = i?.observations.find((v) => v.date === `FY${y}`);
                  if (o) return pointText(o, i?.unit ?? '');
                  // The evaluation year's plan, kept as the target (see the demo's note on it).
                  const target = i?.target?.date === `FY${y}` ? i.target : null;
                  return target ? `目標 ${pointText(target, i?.unit ?? '')}` : '—';
                }),
              ];
            }),
          ),
        );
        // 令和7年度 is the year the sheet was written in: its values read as the plan, never as a result.
        for (const row of shown.rows) expect(row.at(-1), `${id} ${row[1]}`).toMatch(/^(目標 |—)/);
        // The API gives the same roles, as the OpenAPI document describes them.
        const api = (await (await app.request(`/api/v1/nodes/${id}/program-sheets`)).json()) as {
          sheets: { sheet: ProgramSheet }[];
        };
        expect(
          api.sheets.map((v) => v.sheet.targetIndicatorIds),
          id,
        ).toEqual(demoNode?.programSheets.map((s) => s.targetIndicatorIds));
        const words = textOf(page);
        // Evaluated by the department but given no progress status: the page does not call it 「未評価」.
        expect(page).toContain('<span class="status status-unassessed">進捗の判定なし</span>');
        expect(page).toContain(`href="/nodes/${id}#evaluations">行政評価あり</a>`);
        expect(page).toContain('<h2 id="evaluations">');
        // Each 対象・活動・成果指標 in its data table, a row per 年度 as the sheet gives it; no rate without a direction.
        const indicators =
          allNodes(demo.plans.flatMap((p) => p.nodes)).find((n) => n.id === id)?.indicators ?? [];
        expect(indicators.length, id).toBeGreaterThan(0);
        for (const indicator of indicators) {
          const start = words.indexOf(`データ表 ${indicator.name}（単位: ${indicator.unit}）`);
          expect(start, `${id} ${indicator.name}`).toBeGreaterThan(-1);
          const table = words.slice(start, words.indexOf('この指標のデータ', start));
          for (const o of indicator.observations) {
            const year = table
              .match(/(\d{4})年度（令和\d年度）/g)
              ?.find((y) => y.startsWith(o.date?.slice(2) ?? '-'));
            // As the site prints every amount: 21548ｔ reads 2万1,548ｔ, 2件 stays 2件.
            expect(table, `${id} ${indicator.name} ${o.date}`).toContain(
              `${year} ${pointText(o, indicator.unit)} 実績値`,
            );
          }
          expect(table).toContain(
            '達成率・評価は計算できません（目指す方向（増加・減少）の記載がありません）',
          );
        }
        const { direction, first, second } = decided[id] ?? { direction: '', first: '', second: '' };
        for (const text of [direction, first, second, '担当課', '課長'])
          expect(words, `${id} ${text}`).toContain(text);
      }
    });
  },
);
