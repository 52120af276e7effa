import { describe, expect, it } from 'vitest';
import { hometownTax, womenManagers } from '../../../test/helpers/chart-indicators.ts';
import { drawIndicatorChartSvg } from './indicator-chart.ts';
import { styleToAttributes } from './svg-presentation.ts';

describe('styleToAttributes', () => {
  it('turns style declarations into presentation attributes', () => {
    const svg = `<text style="font-size:12px;font-family:'Noto Sans JP', sans-serif;" x="1">a</text>`;
    expect(styleToAttributes(svg)).toBe(
      `<text font-size="12px" font-family="'Noto Sans JP', sans-serif" x="1">a</text>`,
    );
  });

  it('escapes a double quote inside a value', () => {
    expect(styleToAttributes('<text style="font-family:&quot;A&quot;">')).toBe(
      '<text font-family="&quot;A&quot;">',
    );
  });
});

describe('the chart SVG under a CSP without inline styles', () => {
  it.each([
    ['womenManagers', womenManagers],
    ['hometownTax', hometownTax],
  ])('has no style attribute or element and keeps its text sizes as attributes (%s)', (_, indicator) => {
    const svg = drawIndicatorChartSvg(indicator) ?? '';
    expect(svg).toMatch(/^<svg /);
    expect(svg).not.toMatch(/\sstyle=/);
    expect(svg).not.toContain('<style');
    expect(svg).toMatch(/<text[^>]* font-size="\d+px"/);
  });
});
