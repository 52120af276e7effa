/** A batched import logged before indicator values got their name still shows them, under the current name. */
import { describe, expect, it } from 'vitest';
import { columnarRecords } from '../../domain/editing/columnar-records.ts';
import { LangContext } from '../i18n/lang.ts';
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
    expect(html).toContain('<h2>指標の値</h2>');
    expect(html).toContain('<td>i.a:observation@2020-01</td>');
  });

  it('speaks the page language', () => {
    const html = String(
      <LangContext.Provider value="en">
        <ImportSummary
          summary={{ file: '表.csv', counts, created: { indicatorValue: values }, updated: {} }}
        />
      </LangContext.Provider>,
    );
    expect(html).toContain('<h2>Indicator values</h2>');
    expect(html).toContain('Added 1 · Updated 0 · Unchanged 0');
    expect(html).toContain('<span lang="ja">表.csv</span>');
    expect(html).not.toMatch(/追加|件/);
  });
});
