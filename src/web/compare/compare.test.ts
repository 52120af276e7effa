import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ComparedCity,
  comparedOrganization,
  waitingChildren,
} from '../../../test/helpers/compared-organizations.ts';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import type { DatabaseHandle } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { saveOrganizationDocument } from '../../store/save-dataset.ts';
import { createApp } from '../app.tsx';
import { compareResponseSchema } from './compare-view.ts';

const key = comparisonKeyOf(waitingChildren);

const cities: ComparedCity[] = [
  { code: '202088', name: '小諸市', values: { FY2020: 12, FY2023: 4 } },
  { code: '202011', name: '長野市', values: { FY2022: 30, FY2023: 9 } },
  { code: '202029', name: '松本市', values: { FY2023: 6 } },
  { code: '162094', name: '小矢部市', values: { FY2023: 0 } },
  { code: '272108', name: '枚方市', values: { FY2023: 1.5 }, unit: '%' },
];

/** The rows of the ranked table: rank, organization and value, as text. */
function tableRows(html: string): string[] {
  const body = /<table class="compare-table">[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

describe.each(testDatabases)('comparing one indicator across organizations ($name)', (database) => {
  let handle: DatabaseHandle;
  let app: Hono;
  beforeAll(async () => {
    handle = await database.open();
    for (const [k, city] of cities.entries())
      await saveOrganizationDocument(handle.db, comparedOrganization(k, city));
    app = createApp({ store: createReadStore(handle.db) });
  });
  afterAll(() => handle.close());

  describe('GET /compare/{key}', () => {
    it('ranks a group of codes, each value linked to its source, with the rules and a chart', async () => {
      const res = await app.request(`/compare/${key}?codes=202088,162094,202011`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(tableRows(html)).toEqual([
        '1 小矢部市 162094 0人 2023年度（令和5年度） 待機児童数',
        '2 小諸市 202088 4人 2023年度（令和5年度） 待機児童数',
        '3 長野市 202011 9人 2023年度（令和5年度） 待機児童数',
      ]);
      expect(html).not.toContain('松本市');
      expect(html).toContain('対象: 指定した3団体のうち値のある3団体');
      expect(html).toContain('比べている定義: 名称「待機児童数」、単位「人」、成果指標。');
      expect(html).toContain('値の小さい順に並べています（小さいほど良い指標）。');
      expect(html).toMatch(/<a href="\/documents\/o3\.[^"#]+#L1" title="待機児童数 0人"><data value="0"/);
      expect(html).toContain('<svg');
      expect(html).toContain('1位 小矢部市 0人。2位 小諸市 4人。3位 長野市 9人');
    });

    it('names the codes of the group with no value', async () => {
      const html = await (await app.request(`/compare/${key}?codes=202088,131016`)).text();
      expect(html).toContain('この定義の公開された値がない団体コード: 131016');
    });

    it('refuses a code with a wrong check digit, naming it and the right one, in both languages', async () => {
      const res = await app.request(`/compare/${key}?codes=202088,162095,12345`);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('162095（検査数字が合いません。162094 ではありませんか');
      expect(html).toContain('12345（6桁の数字ではありません');
      expect(html).toContain('(codes: invalid municipality codes: 162095, 12345)');
    });

    it('compares one prefecture and refuses a page past the last, naming the last', async () => {
      const html = await (await app.request(`/compare/${key}?prefecture=20`)).text();
      expect(tableRows(html).map((r) => r.split(' ')[1])).toEqual(['小諸市', '松本市', '長野市']);
      const past = await app.request(`/compare/${key}?prefecture=20&page=2`);
      expect(past.status).toBe(400);
      expect(await past.text()).toContain('「page」は1〜1の整数です');
    });

    it('speaks English with ?lang=en', async () => {
      const html = await (await app.request(`/compare/${key}?codes=202088,162094&lang=en`)).text();
      expect(html).toContain('<html lang="en"');
      expect(html).toContain('Definition compared: name “待機児童数”, unit “人”, outcome indicator.');
      expect(html).toContain('Listed from the smallest value (less is better).');
      expect(html).toContain('name="lang" value="en"');
    });

    it('answers 404 for a key no organization reports and 400 for a malformed one', async () => {
      const unknown = comparisonKeyOf({ ...waitingChildren, name: 'どこにもない指標' });
      expect((await app.request(`/compare/${unknown}`)).status).toBe(404);
      expect((await app.request('/compare/not-a-key')).status).toBe(400);
    });
  });

  describe('GET /api/v1/compare/{key}', () => {
    it('answers the documented body: ranks, values with sources, rules in both languages', async () => {
      const res = await app.request(`/api/v1/compare/${key}?codes=202088,162094`);
      expect(res.status).toBe(200);
      const body = compareResponseSchema.parse(await res.json());
      expect(body.results.map((r) => [r.rank, r.organization.municipalityCode, r.value, r.date])).toEqual([
        [1, '162094', 0, 'FY2023'],
        [2, '202088', 4, 'FY2023'],
      ]);
      expect(body.results[1]?.observation.source).toMatchObject({ line: 2, quote: '待機児童数 4人' });
      expect(body.ruleText.ja[0]).toBe('比べている定義: 名称「待機児童数」、単位「人」、成果指標。');
      expect(body.ruleText.en.join(' ')).toContain('less is better');
      expect(body).toMatchObject({ total: 2, next: null, missingCodes: [] });
    });

    it('answers a bad code with a JSON error naming the parameter', async () => {
      const res = await app.request(`/api/v1/compare/${key}?codes=162095`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', parameter: 'codes' } });
    });
  });

  describe('the link on a node page', () => {
    it('offers the comparison with the count of other organizations', async () => {
      const api = compareResponseSchema.parse(await (await app.request(`/api/v1/compare/${key}`)).json());
      const nodeUrl =
        api.results.find((r) => r.organization.municipalityCode === '202088')?.indicator.url ?? '';
      const html = await (await app.request(nodeUrl.replace(/#.*/, ''))).text();
      expect(html).toContain(`<a href="/compare/${key}">他の自治体と比べる（3団体）</a>`);
    });

    it('offers none when fewer than two other organizations share the definition', async () => {
      const percent = comparisonKeyOf({ ...waitingChildren, unit: '%' });
      const api = compareResponseSchema.parse(await (await app.request(`/api/v1/compare/${percent}`)).json());
      const html = await (await app.request((api.results[0]?.indicator.url ?? '').replace(/#.*/, ''))).text();
      expect(html).not.toContain('他の自治体と比べる');
    });
  });
});
