/**
 * The seed newsletters' printed figures, recomputed from the demo dataset's stored values.
 * Indicators are found by name, so the test follows the data files rather than their ids.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDatasetDir, loadDataset } from '../../io/dataset.ts';
import type { Indicator, OrganizationDocument, Plan, PlanNode } from '../model.ts';
import { indicatorFigures } from './indicator-figures.ts';

let doc: OrganizationDocument;

beforeAll(async () => {
  doc = await loadDataset(demoDatasetDir);
});

function indicatorsOf(nodes: readonly PlanNode[]): Indicator[] {
  return nodes.flatMap((n) => [...n.indicators, ...indicatorsOf(n.children)]);
}

/** The figures of the one indicator whose name contains `name`, under the plan that holds it. */
function figuresOf(name: string) {
  const hits = doc.plans.flatMap((plan: Plan) =>
    indicatorsOf(plan.nodes)
      .filter((i) => i.name.includes(name))
      .map((i) => ({ plan, indicator: i })),
  );
  expect(hits, `指標「${name}」`).toHaveLength(1);
  const [{ plan, indicator }] = hits as [{ plan: Plan; indicator: Indicator }];
  return indicatorFigures(indicator, plan);
}

describe('seed 1 (小諸ぷらいど通信 VOL.5) from stored values', () => {
  it('ふるさと納税 679万 → 3億4300万 = 50.5倍', () => {
    expect(figuresOf('ふるさと納税 寄附額').ratio.text).toBe('50.5倍');
  });

  it('女性幹部候補 H27 19.8% → H31 23.8% = +4.0ポイント', () => {
    expect(figuresOf('女性幹部候補').pointChange.text).toBe('+4.0ポイント');
  });

  it('審議会女性参画率 40.4% of the 45% target = 89.8%', () => {
    expect(figuresOf('審議会・委員会等の女性参画率').achievementRate.text).toBe('89.8%');
  });

  it('特定検診 34.5% → 39.7% = +5.2ポイント', () => {
    expect(figuresOf('特定検診').pointChange.text).toBe('+5.2ポイント');
  });

  it('防災訓練 61/68区 = 89.7%', () => {
    expect(figuresOf('防災訓練').share.text).toBe('89.7%');
  });

  it('差押件数 102 → 140件 = 1.4倍, +37.3%; 換価額 3,536 → 5,533千円 = 1.6倍, +56.5%', () => {
    const a = figuresOf('差押件数');
    expect([a.ratio.text, a.percentChange.text]).toEqual(['1.4倍', '+37.3%']);
    const b = figuresOf('換価額');
    expect([b.ratio.text, b.percentChange.text]).toEqual(['1.6倍', '+56.5%']);
  });

  it('小諸ふるさと市民 3,682 of 100,000 = 3.7%', () => {
    expect(figuresOf('小諸ふるさと市民').achievementRate.text).toBe('3.7%');
  });

  it('超過勤務時間 −12.81% stays a reported figure, not recomputed', () => {
    const f = figuresOf('超過勤務時間');
    expect(f.reported.map((r) => [r.kind, r.value, r.label])).toContainEqual([
      'percentChange',
      -12.81,
      '報告値',
    ]);
    expect(f.percentChange.value).toBeNull();
  });
});

describe('seed 2 (小諸ぶらんど通信 VOL.10) from stored values', () => {
  it('係長以上の女性の割合 19.8% → 令和5年度 29.2% = +9.4ポイント', () => {
    expect(figuresOf('係長以上の職員に占める女性の割合').pointChange.text).toBe('+9.4ポイント');
  });

  it('住みよさランキング 25位 of 812', () => {
    expect(figuresOf('住みよさランキング').standing.text).toBe('812中25位（上位3.1%）');
  });
});
