/**
 * Literal indicators of the seed newsletters, for the figures tests. Numbers are those printed in
 * data/demo/komoro/documents/komoro-pride-vol5.txt (seed 1) and komoro-brand-vol10.txt (seed 2).
 */
import {
  type Indicator,
  type IndicatorInput,
  type IndicatorValue,
  indicatorSchema,
  nodeSchema,
  type Plan,
  type PlanNode,
  planSchema,
} from '../../src/domain/model.ts';

const source = { documentId: 'komoro-pride-vol5' };

export function point(
  value: number,
  date: string | null = null,
  extra: Partial<IndicatorValue> = {},
): IndicatorValue {
  return { value, date, qualifier: null, outOf: null, rankOf: null, source, ...extra };
}

export function indicator(input: Omit<IndicatorInput, 'id'> & { id?: string }): Indicator {
  return indicatorSchema.parse({ id: 'test-indicator', ...input });
}

/** 就任前/679万 → 1月現在/3億4300万 = 50.5倍 (seed 1). */
export const furusatoNozei = indicator({
  id: 'furusato-nozei',
  name: 'ふるさと納税寄付額',
  unit: '円',
  direction: 'increase',
  baseline: point(6_790_000, '<2016-04', { text: '679万' }),
  observations: [point(343_000_000, '2020-01', { text: '3億4300万' })],
});

/** H27 19.8% → H31 23.8% (seed 1) → 令和5年度 29.2% (seed 2). */
export const womenSupervisors = indicator({
  id: 'women-supervisors',
  name: '係長級以上に占める女性の割合',
  unit: '%',
  direction: 'increase',
  baseline: point(19.8, 'FY2015'),
  observations: [point(29.2, 'FY2023'), point(23.8, 'FY2019')],
});

/** 目標45%に対しH31.4現在40.4% (seed 1). */
export const councilWomen = indicator({
  id: 'council-women',
  name: '審議会・委員会等の女性参画率',
  unit: '%',
  direction: 'increase',
  target: point(45, null),
  observations: [point(40.4, '2019-04')],
});

/** 特定検診受診率 H25:34.5% → H29:39.7% (seed 1), two observations and no baseline. */
export const healthCheckups = indicator({
  id: 'health-checkups',
  name: '特定検診受診率',
  unit: '%',
  direction: 'increase',
  observations: [point(34.5, 'FY2013'), point(39.7, 'FY2017')],
});

/** 防災訓練 R元:61/68区、実施率89.7% (seed 1). */
export const disasterDrills = indicator({
  id: 'disaster-drills',
  name: '防災訓練を実施した区',
  unit: '区',
  direction: 'increase',
  observations: [point(61, 'FY2019', { outOf: 68 })],
});

/** 差押件数 H28:102件 → H30:140件 (seed 1). */
export const seizures = indicator({
  id: 'seizures',
  name: '税金滞納に関する差押件数',
  unit: '件',
  direction: 'increase',
  observations: [point(102, 'FY2016'), point(140, 'FY2018')],
});

/** 換価額 H28:3,536千円 → H30:5,533千円 (seed 1). */
export const seizureProceeds = indicator({
  id: 'seizure-proceeds',
  name: '税金滞納に関する換価額',
  unit: '千円',
  direction: 'increase',
  observations: [point(3_536, 'FY2016'), point(5_533, 'FY2018')],
});

/** 住みよさランキング2023 25位 812市区中 (seed 2). */
export const livability = indicator({
  id: 'livability',
  name: '住みよさランキング',
  unit: '位',
  direction: 'rank',
  observations: [point(25, '2023', { rankOf: 812 })],
});

/** 小諸ふるさと市民 3682人 (R2.1月15日) against 仮想市民10万人 (seed 1). */
export const furusatoCitizens = indicator({
  id: 'furusato-citizens',
  name: '小諸ふるさと市民',
  unit: '人',
  direction: 'increase',
  target: point(100_000, null),
  observations: [point(3_682, '2020-01-15')],
});

/** A node with the model's defaults filled in. */
export function node(input: Record<string, unknown> & { id: string }): PlanNode {
  return nodeSchema.parse({ kind: 'policy', title: input.id, ...input });
}

/** A plan with the model's defaults filled in. */
export function plan(input: Record<string, unknown>): Plan {
  return planSchema.parse({
    id: 'test-plan',
    title: 'テスト計画',
    kind: 'manifesto',
    periodStart: '2016-04',
    periodEnd: '2020-04',
    publishedAt: '2016-02-12',
    source,
    ...input,
  });
}
