import { describe, expect, it } from 'vitest';
import { byDate } from './achievement-order.ts';
import { widthClass, widthsCss } from './widths.ts';

describe('byDate', () => {
  it('puts dated items oldest first by partial date, undated last in source order', () => {
    const items = [
      { date: 'FY2020' },
      { date: null },
      { date: '2017-04' },
      { date: '<2016-04' },
      { date: null },
    ];
    expect(byDate(items)).toEqual([items[3], items[2], items[0], items[1], items[4]]);
  });
});

describe('width classes', () => {
  it('rounds to a tenth of a percent and clamps to 0–100', () => {
    expect(widthClass(50.54)).toBe('w-505');
    expect(widthClass(-3)).toBe('w-0');
    expect(widthClass(140)).toBe('w-1000');
  });

  it('has a rule for every class', () => {
    const css = widthsCss();
    expect(css).toContain('.w-505{width:50.5%}');
    expect(css).toContain('.w-1000{width:100%}');
    expect(css.split('\n')).toHaveLength(1001);
  });
});
