/**
 * The numbers printed in seed 1 (小諸ぷらいど通信 VOL.5.02), written out by hand from the newsletter, must all be
 * in the demo data with the right unit and date, and sourced to a line that prints them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, PlanNode, SourceRef } from '../src/domain/model.ts';
import { demoDatasetDir, loadDataset } from '../src/io/dataset.ts';

const documentId = 'komoro-pride-vol5';

interface SeedNumber {
  value: number;
  unit: string;
  date: string | null;
  /** Words of the seed line the number is printed on. */
  quote: string;
  role: 'baseline' | 'target' | 'observation' | 'reported';
  /** 約 / 余 / 以上, where the seed prints one. */
  qualifier?: 'about';
  /** The whole of a count-of-total (61/68区). */
  outOf?: number;
}

const seedNumbers: SeedNumber[] = [
  { value: 6790000, unit: '円', date: '<2016-04', quote: '就任前/679万', role: 'baseline' },
  { value: 343000000, unit: '円', date: '2020-01', quote: '3億4300万', role: 'observation' },
  { value: 50.5, unit: '倍', date: '2020-01', quote: '50.5倍', role: 'reported' },
  { value: -12.81, unit: '%', date: '2020-01', quote: '-12.81%', role: 'reported' },
  {
    value: -3200,
    unit: '時間',
    date: '2020-01',
    quote: '約3200時間減',
    role: 'reported',
    qualifier: 'about',
  },
  { value: 100000, unit: '人', date: null, quote: '仮想市民10万人', role: 'target' },
  { value: 3682, unit: '人', date: '2020-01-15', quote: '3682人(R 2.1月15日)', role: 'observation' },
  { value: 102, unit: '件', date: 'FY2016', quote: 'H28:102件', role: 'baseline' },
  { value: 140, unit: '件', date: 'FY2018', quote: 'H30:140件', role: 'observation' },
  { value: 3536000, unit: '円', date: 'FY2016', quote: '3,536千円', role: 'baseline' },
  { value: 5533000, unit: '円', date: 'FY2018', quote: '5,533千円', role: 'observation' },
  { value: 19.8, unit: '%', date: 'FY2015', quote: 'H2719.8%', role: 'baseline' },
  { value: 23.8, unit: '%', date: 'FY2019', quote: 'H3123.8%', role: 'observation' },
  { value: 45, unit: '%', date: null, quote: '目標45%', role: 'target' },
  { value: 40.4, unit: '%', date: '2019-04', quote: 'H31.4現在40.4%', role: 'observation' },
  { value: 10, unit: '地区', date: '2020-01', quote: '10地区毎に地域連絡会', role: 'observation' },
  { value: 8, unit: '団体', date: '2020-01', quote: '8団体による協議会運営', role: 'observation' },
  { value: 34.5, unit: '%', date: 'FY2013', quote: 'H25:34.5%', role: 'baseline' },
  { value: 39.7, unit: '%', date: 'FY2017', quote: 'H29:39.7%', role: 'observation' },
  { value: 61, unit: '区', date: 'FY2019', quote: 'R元:61/68区', role: 'observation', outOf: 68 },
  { value: 89.7, unit: '%', date: 'FY2019', quote: '実施率:89.7%', role: 'reported' },
];

interface FoundValue {
  role: SeedNumber['role'];
  value: number;
  unit: string;
  date: string | null;
  qualifier: string | null;
  outOf?: number | null;
  source: SourceRef;
}

// A reported figure has its own unit (倍, %); the other values share their indicator's.
function valuesOf(indicator: Indicator): FoundValue[] {
  const { unit } = indicator;
  const found: FoundValue[] = indicator.observations.map((o) => ({ role: 'observation', unit, ...o }));
  if (indicator.baseline) found.push({ role: 'baseline', unit, ...indicator.baseline });
  if (indicator.target) found.push({ role: 'target', unit, ...indicator.target });
  for (const r of indicator.reported) found.push({ role: 'reported', ...r });
  return found;
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...node.children.flatMap(nodesOf)];
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('seed 1 numbers in the mirai-2016 demo plan', () => {
  let values: FoundValue[];
  let lines: string[];

  beforeAll(async () => {
    const dataset = await loadDataset(demoDatasetDir);
    const plan = dataset.plans.find((p) => p.id === 'mirai-2016');
    if (!plan) throw new Error('mirai-2016 が見つかりません (plan mirai-2016 is missing)');
    values = plan.nodes.flatMap(nodesOf).flatMap((n) => n.indicators.flatMap(valuesOf));
    lines = readFileSync(join(demoDatasetDir, 'documents', `${documentId}.txt`), 'utf8').split(/\r?\n/);
  });

  it('lists at least 20 numbers, each printed in the seed', () => {
    expect(seedNumbers.length).toBeGreaterThanOrEqual(20);
    const unprinted = seedNumbers.filter((n) => !lines.some((l) => squeeze(l).includes(squeeze(n.quote))));
    expect(unprinted).toEqual([]);
  });

  it.each(seedNumbers)('holds $value $unit ($date) as a $role sourced to 「$quote」', (expected) => {
    const match = values.find(
      (v) =>
        v.role === expected.role &&
        v.value === expected.value &&
        v.unit === expected.unit &&
        v.date === expected.date &&
        v.qualifier === (expected.qualifier ?? null) &&
        (v.outOf ?? null) === (expected.outOf ?? null) &&
        v.source.documentId === documentId,
    );
    expect(match, 'value, unit, date and role should match one demo value').toBeDefined();
    const line = lines[(match?.source.line ?? 0) - 1] ?? '';
    expect(squeeze(line)).toContain(squeeze(expected.quote));
  });
});
