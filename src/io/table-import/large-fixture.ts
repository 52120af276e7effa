/**
 * A large, fictional import for the benchmark and its correctness test: the sample town (サンプル町) with
 * `indicators` extra indicators, and an observations CSV of `rows` rows spread over them, one month per row.
 */
import type { OrganizationDocument } from '../../domain/model.ts';
import { sampleDataset } from '../../store/testing/sample-dataset.ts';

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

/** E.g. `largeFixture(100_000, 500)`: 500 indicators × 200 months. */
export function largeFixture(rows: number, indicators: number): LargeFixture {
  const dataset = sampleDataset();
  const indicatorIds = Array.from({ length: indicators }, (_, i) => `bench.i.${i}`);
  const node = dataset.plans.find((p) => p.id === 'sample-first')?.nodes[0];
  if (!node) throw new Error('sample plan has no pillar');
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
      `${indicatorIds[i]},${month(Math.floor(r / indicators))},"${value}",sample-report,${(r % 200) + 1},"${value}"`,
    );
  }
  return { dataset, csv: `${lines.join('\r\n')}\r\n`, indicatorIds };
}
