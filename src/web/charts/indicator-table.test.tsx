import { describe, expect, it } from 'vitest';
import {
  drillDistricts,
  livability,
  womenManagers,
  womenOnCouncils,
} from '../../../test/helpers/chart-indicators.ts';
import type { Indicator } from '../../domain/model.ts';
import { IndicatorTable } from './indicator-table.tsx';

const html = async (node: unknown) =>
  String(await (node as { toString(): string | Promise<string> }).toString());

/** The cells of each body row, tags removed. */
function bodyRows(table: string): string[][] {
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      (c[1] ?? '').replace(/<[^>]+>/g, ''),
    ),
  );
}

describe('IndicatorTable', () => {
  it('lists the baseline, the observations in time order, then the target', async () => {
    const withTarget: Indicator = { ...womenManagers, target: womenOnCouncils.target };
    const rows = bodyRows(await html(<IndicatorTable indicator={withTarget} />));
    expect(rows.map((r) => r[2])).toEqual(['基準値', '実績値', '実績値', '目標値']);
    expect(rows[0]?.slice(0, 2)).toEqual(['2015年度（平成27年度）', '19.8%']);
    expect(rows[1]?.slice(0, 2)).toEqual(['2019年度（令和元年度）', '23.8%']);
    expect(rows[2]?.slice(0, 2)).toEqual(['2023年度（令和5年度）', '29.2%']);
    expect(rows[3]?.slice(0, 2)).toEqual(['時点不明', '45%']);
  });

  it('names no unit for a dimensionless number and prints nothing after its value', async () => {
    const fertility: Indicator = {
      ...womenManagers,
      name: '合計特殊出生率',
      nameEn: 'Total fertility rate',
      unit: '',
      baseline: womenManagers.baseline && { ...womenManagers.baseline, value: 1.36 },
      observations: [],
    };
    const table = await html(<IndicatorTable indicator={fertility} />);
    expect(table).toContain('<caption>合計特殊出生率</caption>');
    expect(bodyRows(table)[0]?.slice(0, 2)).toEqual(['2015年度（平成27年度）', '1.36']);
    expect(await html(<IndicatorTable indicator={fertility} lang="en" />)).toContain(
      '<caption>Total fertility rate</caption>',
    );
  });

  it('has a caption and headers scoped to their column and row', async () => {
    const table = await html(<IndicatorTable indicator={womenManagers} />);
    expect(table).toContain('<caption>女性係長級以上比率（単位: %）</caption>');
    expect(table).toContain(
      '<th scope="col">時点</th><th scope="col">値</th><th scope="col">区分</th><th scope="col">出典</th>',
    );
    expect(table.match(/<th scope="row">/g)).toHaveLength(3);
  });

  it('links each value to its line in the source, with the printed words as title', async () => {
    const table = await html(<IndicatorTable indicator={womenManagers} />);
    expect(table).toContain('<a href="/documents/komoro-brand-vol10#L151" title="令和5年度29.2%">');
  });

  it('writes counts of a whole and ranks with their whole', async () => {
    expect(bodyRows(await html(<IndicatorTable indicator={drillDistricts} />))[0]?.[1]).toBe(
      '61区／68区（89.7%）',
    );
    expect(bodyRows(await html(<IndicatorTable indicator={livability} />))[0]?.[1]).toBe('25位（812中）');
  });

  it('writes English labels with lang en', async () => {
    const table = await html(<IndicatorTable indicator={womenManagers} lang="en" />);
    expect(table).toContain('<caption>Women among section chiefs and above (unit: %)</caption>');
    expect(table).toContain('<th scope="col">Period</th>');
    expect(bodyRows(table)[0]?.slice(0, 3)).toEqual(['FY2015', '19.8%', 'Baseline']);
  });

  it('escapes a <script> in the indicator name and quotes', async () => {
    const hostile: Indicator = {
      ...womenManagers,
      name: '<script>alert(1)</script>',
      baseline: { ...womenManagers.baseline!, source: { documentId: 'x', line: 1, quote: '"><script>' } },
    };
    const table = await html(<IndicatorTable indicator={hostile} />);
    expect(table).not.toContain('<script>');
    expect(table).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
