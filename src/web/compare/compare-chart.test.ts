import { describe, expect, it } from 'vitest';
import { chartSizes } from '../charts/chart-size.ts';
import { compareChartSummary, drawCompareChartSvg } from './compare-chart.ts';

const bars = [
  { label: '小矢部市', value: 0, rank: 1 },
  { label: '小諸市', value: 4, rank: 2 },
];
const options = {
  id: 'd-0123456789abcdef01234567',
  title: '待機児童数（人）の団体別の比較',
  unit: '人',
  lang: 'ja' as const,
};

describe('drawCompareChartSvg', () => {
  it('draws a named image whose description lists every rank and value', () => {
    const svg = drawCompareChartSvg(bars, { ...options, size: chartSizes.wide }) ?? '';
    expect(svg).toMatch(
      /^<svg[^>]* role="img" aria-labelledby="chart-d-0123456789abcdef01234567-compare-title /,
    );
    expect(svg).toContain(
      '<desc id="chart-d-0123456789abcdef01234567-compare-desc">1位 小矢部市 0人。2位 小諸市 4人</desc>',
    );
    expect(compareChartSummary(bars, '人', 'en')).toBe('No. 1 小矢部市: 0人; No. 2 小諸市: 4人');
  });

  it('draws the same SVG for the same bars, and nothing without bars', () => {
    const narrow = { ...options, size: chartSizes.narrow };
    expect(drawCompareChartSvg(bars, narrow)).toBe(drawCompareChartSvg([...bars], { ...narrow }));
    expect(drawCompareChartSvg([], narrow)).toBeNull();
  });
});
