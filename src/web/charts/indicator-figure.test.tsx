import { describe, expect, it } from 'vitest';
import { noValues, womenManagers } from '../../../test/helpers/chart-indicators.ts';
import { IndicatorFigure } from './indicator-figure.tsx';

const html = async (node: unknown) =>
  String(await (node as { toString(): string | Promise<string> }).toString());

describe('IndicatorFigure', () => {
  it('holds the chart as inline SVG, the open data table and a caption', async () => {
    const figure = await html(<IndicatorFigure indicator={womenManagers} />);
    expect(figure).toMatch(
      /^<figure class="indicator-figure" lang="ja"><figcaption>女性係長級以上比率<\/figcaption>/,
    );
    expect(figure).toContain('<svg width="640" height="320"');
    expect(figure).toContain('<title id="chart-women-managers-title">');
    expect(figure).toMatch(/<details open="">\s*<summary>データ表<\/summary><table/);
    // The SVG went in unescaped, once.
    expect(figure.match(/<svg /g)).toHaveLength(1);
    expect(figure).not.toContain('&lt;svg');
  });

  it('shows the table alone when there is nothing to plot', async () => {
    const figure = await html(<IndicatorFigure indicator={noValues} />);
    expect(figure).not.toContain('<svg');
    expect(figure).not.toContain('<details');
    expect(figure).toContain('<table');
  });

  it('uses the given size and language', async () => {
    const figure = await html(
      <IndicatorFigure indicator={womenManagers} lang="en" width={400} height={240} />,
    );
    expect(figure).toContain('<svg width="400" height="240"');
    expect(figure).toContain('<summary>Data table</summary>');
  });
});
