/**
 * A large, fictional import for the benchmark and its correctness test: the sample town (サンプル町) with
 * `indicators` extra indicators, and an observations CSV of `rows` rows spread over them, one month per row.
 * Each indicator cites one source (line and quote) for all its months, as a 行政評価 sheet cites its table once per
 * indicator: a source per row would write as many source rows as values, which no real sheet does.
 */
import type { OrganizationDocument } from '../../src/domain/model.ts';
import { sampleDataset } from './sample-dataset.ts';

// Printed forms the number parser must really work on; each indicator keeps one unit.
const printed = [
  { unit: '件', value: (n: number) => `${n}件` },
  { unit: '円', value: (n: number) => `${n.toLocaleString('en-US')}千円` },
  { unit: '時間', value: (n: number) => `約${n}時間` },
  { unit: '%', value: (n: number) => `${(n % 1000) / 10}%` },
];

export interface LargeFixture {
  dataset: OrganizationDocument;
  csv: string;
  indicatorIds: string[];
}

const month = (index: number) =>
  `${2000 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The words an indicator's rows cite, e.g. `sourceQuote(33) // "ベンチ指標33の実績"`. */
export const sourceQuote = (indicator: number) => `ベンチ指標${indicator}の実績`;

/** E.g. `largeFixture(100_000, 500)`: 500 indicators × 200 months. */
export function largeFixture(rows: number, indicators: number): LargeFixture {
  const dataset = sampleDataset();
  const indicatorIds = Array.from({ length: indicators }, (_, i) => `bench.i.${i}`);
  const plan = dataset.plans.find((p) => p.id === 'sample-first');
  const node = plan?.nodes[0];
  if (!plan || !node) throw new Error('sample plan has no pillar');
  // The plan spans the file's months, as a real history import's plan would: a value outside its period earns a
  // plausibility warning, which a file of 100,000 ordinary values should not.
  plan.periodStart = month(0);
  plan.periodEnd = month(Math.max(0, Math.ceil(rows / indicators) - 1));
  for (const [i, id] of indicatorIds.entries()) {
    node.indicators.push({
      id,
      name: `ベンチ指標${i}`,
      unit: printed[i % printed.length]!.unit,
      kind: 'outcome',
      direction: 'increase',
      cumulative: false,
      highlight: false,
      achievementFormula: null,
      baseline: null,
      target: null,
      observations: [],
      reported: [],
    });
  }
  const lines = ['indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote'];
  for (let r = 0; r < rows; r += 1) {
    const i = r % indicators;
    const value = printed[i % printed.length]!.value(r + 1);
    lines.push(
      `${indicatorIds[i]},${month(Math.floor(r / indicators))},"${value}",sample-report,${(i % 200) + 1},${sourceQuote(i)}`,
    );
  }
  return { dataset, csv: `${lines.join('\r\n')}\r\n`, indicatorIds };
}
