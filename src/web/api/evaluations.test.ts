/**
 * The API's トータルシステム paths on the fictional サンプル町 dataset (test/helpers/sample-dataset.ts), whose
 * program `first-program` has two sheets and two stages, and whose plan has its own evaluations and two published
 * rollups. Bodies are checked against the served OpenAPI document and by their figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { responseValidator, type ServedOpenApiDocument } from '../../../test/helpers/openapi-validator.ts';
import { prepareSample } from '../../../test/helpers/sample-database.ts';
import { type DatabaseHandle, openDatabase } from '../../store/db.ts';
import { createReadStore } from '../../store/queries.ts';
import { createSearchStore } from '../../store/search/index.ts';
import { createApp } from '../app.tsx';
import type { GetPlanEvaluationsResponse, GetProgramSheetsResponse } from './evaluation-views.ts';

let handle: DatabaseHandle;
let app: ReturnType<typeof createApp>;
let validate: ReturnType<typeof responseValidator>;

beforeAll(async () => {
  handle = openDatabase(':memory:');
  await prepareSample(handle.db);
  app = createApp({ store: createReadStore(handle.db), search: createSearchStore(handle.db) });
  validate = responseValidator(
    (await (await app.request('/api/v1/openapi.json')).json()) as ServedOpenApiDocument,
  );
});
afterAll(() => handle.close());

describe('GET /api/v1/nodes/{id}/program-sheets', () => {
  it('answers each sheet with its money figures and its printed figures beside them', async () => {
    const res = await app.request('/api/v1/nodes/first-program/program-sheets');
    expect(res.status).toBe(200);
    const body = (await res.json()) as GetProgramSheetsResponse;
    expect(validate('/nodes/{id}/program-sheets', 'get', 200, body)).toEqual([]);
    expect(body.department).toBe('企画課');
    expect(body.sheets.map((s) => s.sheet.fiscalYear)).toEqual([2019, 2020]);
    const [fy2019, fy2020] = body.sheets;
    // 5,000 + 1,000 + 0 + 400 + 5,000 (千円) = 11,400千円; 0.5 人工 × 8,000千円 = 4,000千円; + 減価償却費 200千円.
    expect(fy2019?.figures.programCost).toMatchObject({ value: 11_400_000 });
    expect(fy2019?.figures.personnelCost).toMatchObject({ value: 4_000_000 });
    expect(fy2019?.figures.totalCost).toMatchObject({ value: 15_600_000 });
    expect(fy2019?.figures.unitCost).toMatchObject({ value: 65_000, unit: '円/件' });
    expect(fy2019?.figures.executionRate).toMatchObject({ value: 95, text: '95.0%' });
    // The sheet printed 15,400千円: kept as printed, beside the 15,600千円 its parts add up to.
    expect(fy2019?.reported.map((r) => [r.kind, r.agrees, r.difference])).toEqual([
      ['totalCost', false, 200_000],
      ['executionRate', true, 0],
    ]);
    expect(fy2020?.sheet.budgetInitial).toBe(3_000_000_000);
    expect(fy2020?.figures.executionRate).toMatchObject({ value: null, reason: 'no_budget' });
    expect(body.evaluations.map((e) => e.stage)).toEqual(['first', 'external']);
  });

  it('answers 404 for an unknown node', async () => {
    expect((await app.request('/api/v1/nodes/no-such-node/program-sheets')).status).toBe(404);
  });
});

describe('GET /api/v1/plans/{id}/evaluations', () => {
  it('answers the plan’s own evaluations, the directions in the organization’s words and the rollups beside ours', async () => {
    const res = await app.request('/api/v1/plans/sample-first/evaluations');
    expect(res.status).toBe(200);
    const body = (await res.json()) as GetPlanEvaluationsResponse;
    expect(validate('/plans/{id}/evaluations', 'get', 200, body)).toEqual([]);
    expect(body.evaluations.map((e) => [e.evaluatorName, e.score, e.scoreUnit])).toEqual([
      ['評価委員会', 72.5, '点'],
      ['町', 85.3, '点'],
    ]);
    expect(body.vocabulary.nextSteps.map((v) => v.label)).toEqual(['現状維持', '見直し', '統廃合']);
    const fy2019 = body.years.find((y) => y.fiscalYear === 2019);
    // first-policy-a's committee says expand (not in the town's words); first-program's 一次評価 says 見直し.
    expect(fy2019?.counts.map((c) => [c.label, c.count])).toEqual([
      ['現状維持', 0],
      ['見直し', 1],
      ['統廃合', 0],
    ]);
    expect(fy2019?.unknown).toEqual([{ code: 'expand', count: 1 }]);
    expect(fy2019?.budgetEffect).toMatchObject({ value: -600_000 });
    const gradeShare = body.reported.find((r) => r.reported.kind === 'gradeShare');
    // Graded in FY2019: first-policy-a A (external), first-program B (一次評価): A is 50.0%, the print says 54.4%.
    expect(gradeShare).toMatchObject({
      computed: { value: 50 },
      agrees: false,
      reported: { text: 'A評価54.4%' },
    });
  });
});
