import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStore, openDemoStore } from '../../../test/helpers/demo-store.ts';
import { parseOrganizationDocument } from '../../io/interchange/parse-document.ts';
import { onError, onNotFound } from '../error-handler.tsx';
import { downloadRoutes } from './routes.ts';

describe('downloadRoutes mounted under /downloads', () => {
  let demo: DemoStore;
  let app: Hono;
  beforeAll(async () => {
    demo = await openDemoStore();
    // Mounted as the site mounts it, so errors reach the site's one onError.
    app = new Hono().route('/downloads', downloadRoutes(demo.store));
    app.onError(onError).notFound(onNotFound);
  });
  afterAll(() => demo.close());

  const get = (path: string) => app.request(`/downloads${path}`);

  describe('GET /plans/:id/export.json', () => {
    it('downloads the plan as an importable interchange document', async () => {
      const res = await get('/plans/mirai-2016/export.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="mirai-2016.json"');
      const parsed = parseOrganizationDocument(await res.text());
      expect(parsed.ok && parsed.doc.plans.map((p) => p.id)).toEqual(['mirai-2016']);
      expect(parsed.ok && parsed.doc.organization.id).toBe('komoro');
    });

    it('answers 404 for an unknown plan and 400 for a malformed id', async () => {
      expect((await get('/plans/nowhere/export.json')).status).toBe(404);
      expect((await get('/plans/Bad%20Id/export.json')).status).toBe(400);
    });
  });

  describe('GET /plans/:id/:table.csv with text a spreadsheet would run', () => {
    it('writes formula-like titles behind an apostrophe and leaves negative numbers alone', async () => {
      const store: typeof demo.store = new Proxy(demo.store, {
        get(target, key, receiver) {
          if (key !== 'getPlan') return Reflect.get(target, key, receiver);
          return async (id: string) => {
            const found = await target.getPlan(id);
            if (!found) return found;
            found.nodes[0]!.title = '=HYPERLINK("http://evil.example","click")';
            const all = (nodes: typeof found.nodes): typeof found.nodes =>
              nodes.flatMap((n) => [n, ...all(n.children)]);
            const observation = all(found.nodes)
              .flatMap((n) => n.indicators)
              .find((i) => i.observations.length > 0)!.observations[0]!;
            observation.value = -5;
            observation.text = '-5';
            return found;
          };
        },
      });
      const crafted = new Hono().route('/downloads', downloadRoutes(store));
      for (const encoding of ['utf-8', 'shift_jis']) {
        const res = await crafted.request(`/downloads/plans/mirai-2016/nodes.csv?encoding=${encoding}`);
        expect(res.status).toBe(200);
        const text = iconv.decode(
          Buffer.from(await res.arrayBuffer()),
          encoding === 'utf-8' ? 'utf-8' : 'cp932',
        );
        expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
        expect(text).not.toMatch(/(^|,)"?[=+@]/m);
      }
      const observations = await (
        await crafted.request('/downloads/plans/mirai-2016/indicator-values.csv')
      ).text();
      // The number stays a number; the same figure as printed text is guarded.
      expect(observations).toMatch(/,-5,[^,]*,[^,]*,[^,]*,[^,]*,'-5,/);
    });
  });

  describe('GET /plans/:id/:table.csv', () => {
    it('downloads UTF-8 with a BOM by default', async () => {
      const res = await get('/plans/mirai-2016/indicator-values.csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="mirai-2016-indicator-values.csv"',
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes)).toContain('mirai-2016.i.furusato-nozei');
    });

    it('downloads Shift_JIS on ?encoding=shift_jis', async () => {
      const res = await get('/plans/mirai-2016/nodes.csv?encoding=shift_jis');
      expect(res.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
      const text = iconv.decode(Buffer.from(await res.arrayBuffer()), 'cp932');
      expect(text).toMatch(/^planId,id,parentId,kind,/);
      expect(text).toContain('財政の健全化');
    });

    it('refuses an unknown table, encoding or query', async () => {
      expect((await get('/plans/mirai-2016/budgets.csv')).status).toBe(404);
      expect((await get('/plans/mirai-2016/nodes.csv?encoding=latin1')).status).toBe(400);
      expect((await get('/plans/mirai-2016/nodes.csv?charset=utf-8')).status).toBe(400);
    });
  });

  describe('GET /plans/:id/datapackage.json and export.xlsx', () => {
    it('describes the CSVs in the encoding asked for', async () => {
      const res = await get('/plans/mirai-2016/datapackage.json?encoding=shift_jis');
      expect(res.status).toBe(200);
      const pkg = (await res.json()) as { resources: { path: string; encoding: string }[] };
      expect(pkg.resources.map((r) => `${r.path}:${r.encoding}`)).toEqual([
        'nodes.csv:shift_jis',
        'indicators.csv:shift_jis',
        'indicator-values.csv:shift_jis',
        'achievements.csv:shift_jis',
        'program-sheets.csv:shift_jis',
        'evaluations.csv:shift_jis',
      ]);
    });

    it('downloads a workbook exceljs can open', async () => {
      const res = await get('/plans/ashiato-2024/export.xlsx');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="ashiato-2024.xlsx"');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'nodes',
        'indicators',
        'indicator-values',
        'achievements',
        'program-sheets',
        'evaluations',
      ]);
    });
  });

  describe('GET /indicators/:id/indicator-values.csv', () => {
    it("downloads one indicator's values", async () => {
      const res = await get('/indicators/mirai-2016.i.furusato-nozei/indicator-values.csv');
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="mirai-2016.i.furusato-nozei.csv"',
      );
      const lines = new TextDecoder()
        .decode(await res.arrayBuffer())
        .trimEnd()
        .split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines.slice(1).map((l) => l.split(',').slice(3, 7))).toEqual([
        ['baseline', '<2016-04', '', '6790000'],
        ['observation', '2020-01', '2019', '343000000'],
      ]);
    });

    it('answers 404 for an unknown indicator', async () => {
      expect((await get('/indicators/mirai-2016.i.none/indicator-values.csv')).status).toBe(404);
    });
  });

  describe('the former observations file names', () => {
    it('redirect (301) to indicator-values, keeping the query', async () => {
      for (const [old, now] of [
        [
          '/plans/mirai-2016/observations.csv?encoding=shift_jis',
          '/plans/mirai-2016/indicator-values.csv?encoding=shift_jis',
        ],
        [
          '/indicators/mirai-2016.i.furusato-nozei/observations.csv',
          '/indicators/mirai-2016.i.furusato-nozei/indicator-values.csv',
        ],
        [
          '/indicators/mirai-2016.i.furusato-nozei/observations.xlsx',
          '/indicators/mirai-2016.i.furusato-nozei/indicator-values.xlsx',
        ],
      ]) {
        const res = await get(old as string);
        expect(res.status, old).toBe(301);
        expect(res.headers.get('location')).toBe(`/downloads${now}`);
      }
    });
  });
});
