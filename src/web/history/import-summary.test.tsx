/** A batched import logged before indicator values got their name still shows them, under the current name. */
import { describe, expect, it } from 'vitest';
import { columnarRecords } from '../../domain/editing/columnar-records.ts';
import { ImportSummary } from './ImportSummary.tsx';

describe('ImportSummary', () => {
  const values = columnarRecords([
    { id: 'i.a:observation@2020-01', indicatorId: 'i.a', date: '2020-01', value: 5 },
  ]);
  const counts = { created: 1, updated: 0, unchanged: 0, rejected: 0 };

  it.each(['observation', 'indicatorValue'])('shows values logged under %s as 指標の値', (key) => {
    const html = String(
      <ImportSummary summary={{ file: 'old.csv', counts, created: { [key]: values }, updated: {} }} />,
    );
    expect(html).toContain('<h2>指標の値 (indicator value)</h2>');
    expect(html).toContain('<td>i.a:observation@2020-01</td>');
  });
});
