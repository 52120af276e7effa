/**
 * Indicator values from the two seed newsletters, written as literal Indicator records for the chart
 * tests (the demo YAML is written elsewhere; these only need to be true to the seed texts).
 */
import type { Indicator, IndicatorValue } from '../../src/domain/model.ts';

const pride = 'komoro-pride-vol5';
const brand = 'komoro-brand-vol10';

const blank = {
  kind: 'outcome',
  cumulative: false,
  highlight: false,
  achievementFormula: null,
  baseline: null,
  target: null,
  observations: [],
  reported: [],
} as const satisfies Partial<Indicator>;

function point(
  value: number,
  date: string | null,
  documentId: string,
  line: number,
  quote: string,
): IndicatorValue {
  return { value, date, qualifier: null, outOf: null, rankOf: null, source: { documentId, line, quote } };
}

/** 係長級以上の女性比率: H27 19.8% → H31 23.8% → R5 29.2%, no target in the seeds. */
export const womenManagers: Indicator = {
  ...blank,
  id: 'women-managers',
  name: '女性係長級以上比率',
  nameEn: 'Women among section chiefs and above',
  unit: '%',
  direction: 'increase',
  baseline: point(19.8, 'FY2015', pride, 103, 'H2719.8%'),
  observations: [
    point(29.2, 'FY2023', brand, 151, '令和5年度29.2%'),
    point(23.8, 'FY2019', pride, 103, 'H3123.8%'),
  ],
};

/** 審議会・委員会等の女性参画率: 目標45%, H31.4 40.4%. */
export const womenOnCouncils: Indicator = {
  ...blank,
  id: 'women-on-councils',
  name: '審議会・委員会等の女性参画率',
  unit: '%',
  direction: 'increase',
  target: point(45, null, pride, 104, '目標45%'),
  observations: [point(40.4, '2019-04', pride, 104, 'H31.4現在40.4%')],
};

/** 住みよさランキング 2023: 25位 of 812 市区. */
export const livability: Indicator = {
  ...blank,
  id: 'livability-rank',
  name: '住みよさランキング',
  unit: '位',
  direction: 'rank',
  observations: [{ ...point(25, '2023', brand, 9, '25位 812 市区中'), rankOf: 812 }],
};

/** 防災訓練の実施: R元 61/68区 (89.7%). */
export const drillDistricts: Indicator = {
  ...blank,
  id: 'drill-districts',
  kind: 'output',
  name: '防災訓練の実施区',
  unit: '区',
  direction: 'increase',
  observations: [{ ...point(61, 'FY2019', pride, 176, '61/68区'), outOf: 68 }],
};

/** ふるさと納税: 就任前 679万 → 1月現在 3億4300万. */
export const hometownTax: Indicator = {
  ...blank,
  id: 'hometown-tax',
  name: 'ふるさと納税寄付額',
  unit: '円',
  direction: 'increase',
  baseline: point(6_790_000, '<2016-04', pride, 89, '就任前/679万'),
  observations: [point(343_000_000, '2020-01', pride, 89, '1月現在/3億4300万')],
};

/** An indicator with nothing to plot: the page shows the table alone. */
export const noValues: Indicator = {
  ...blank,
  id: 'no-values',
  name: '特定検診受診率',
  unit: '%',
  direction: 'increase',
};
