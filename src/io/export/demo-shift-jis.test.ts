/** Every demo plan exports to Shift_JIS: the seed's OCR middle dot (U+00B7) must not reach a CSV cell. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoStore, openDemoStore } from '../../../test/helpers/demo-store.ts';
import { planCsvFiles } from './plan-files.ts';

describe('Shift_JIS export of the demo', () => {
  let demo: DemoStore;
  beforeAll(async () => {
    demo = await openDemoStore();
  });
  afterAll(() => demo.close());

  it('succeeds for every table of every plan', async () => {
    const plans = await demo.store.listPlans();
    expect(plans.map((p) => p.id)).toEqual(
      expect.arrayContaining(['mirai-2016', 'mirai-2024', 'ashiato-2024']),
    );
    for (const { id } of plans) {
      const result = planCsvFiles(await demo.plan(id), { encoding: 'shift_jis' });
      expect(result.ok ? 'ok' : `${id}: ${result.error.file} ${result.error.message}`).toBe('ok');
      expect(result.ok && result.files.map((f) => f.path)).toContain('indicator-values.csv');
    }
  });
});
