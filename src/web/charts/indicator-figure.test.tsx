import { describe, expect, it } from 'vitest';
import { noValues, womenManagers, womenOnCouncils } from '../../../test/helpers/chart-indicators.ts';
import { IndicatorFigure } from './indicator-figure.tsx';

const html = async (node: unknown) =>
  String(await (node as { toString(): string | Promise<string> }).toString());

describe('IndicatorFigure', () => {
  it('holds the chart as inline SVG in two drawings, the open data table and a caption', async () => {
    const figure = await html(<IndicatorFigure indicator={womenManagers} />);
    expect(figure).toMatch(
      /^<figure class="indicator-figure" lang="ja"><figcaption>女性係長級以上比率<\/figcaption>/,
    );
    expect(figure).toMatch(
      /<div class="indicator-chart"><div class="chart-narrow"><svg [^>]*viewBox="0 0 360 280"/,
    );
    expect(figure).toMatch(/<div class="chart-wide"><svg [^>]*viewBox="0 0 720 300"/);
    expect(figure).toContain('<title id="chart-women-managers-title">');
    expect(figure).toContain('<title id="chart-women-managers-narrow-title">');
    expect(figure).toMatch(/<details open="">\s*<summary>データ表<\/summary><table/);
    // The SVGs went in unescaped, once each.
    expect(figure.match(/<svg /g)).toHaveLength(2);
    expect(figure).not.toContain('&lt;svg');
  });

  it('shows the table alone when there is nothing to plot', async () => {
    const figure = await html(<IndicatorFigure indicator={noValues} />);
    expect(figure).not.toContain('<svg');
    expect(figure).not.toContain('<details');
    expect(figure).toContain('<table');
  });

  it('shows a value on a single date as a number with its date and target, not as a chart', async () => {
    const figure = await html(<IndicatorFigure indicator={womenOnCouncils} />);
    expect(figure).not.toContain('<svg');
    expect(figure).toContain(
      '<p class="single-value"><strong class="single-value-figure">40.4%</strong><span class="single-value-date">（2019年4月（平成31年4月））</span><span class="single-value-target">目標 45%</span></p>',
    );
    expect(figure).toContain('<table');
  });

  it('uses the given language', async () => {
    const figure = await html(<IndicatorFigure indicator={womenManagers} lang="en" />);
    expect(figure).toContain('>Baseline 19.8%</text>');
    expect(figure).toContain('<summary>Data table</summary>');
  });
});
