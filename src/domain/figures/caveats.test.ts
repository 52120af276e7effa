import { describe, expect, it } from 'vitest';
import { point } from '../../../test/helpers/figure-fixtures.ts';
import { comparisonCaveats } from './caveats.ts';

describe('comparisonCaveats', () => {
  it('warns on 就任前/679万 against 1月現在/3億4300万 (+4,951.5%): a vague date and a part-year value', () => {
    const from = point(6_790_000, '<2016-04', { text: '就任前/679万' });
    const to = point(343_000_000, '2020-01', { text: '1月現在/3億4300万' });
    const caveats = comparisonCaveats(from, to);
    expect(caveats.map((c) => c.code)).toEqual(['vague_date', 'part_of_period']);
    expect(caveats[0]?.ja).toBe('基準値の時点は「2016年4月以前」としか分からない');
    expect(caveats[0]?.en).toBe('the earlier value is dated only as “before April 2016”');
    expect(caveats[1]?.ja).toBe(
      '「1月現在/3億4300万」は途中までの値の可能性があり、1年分の値と同じには比べられない',
    );
  });

  it('warns when a fiscal year is compared with a month', () => {
    const caveats = comparisonCaveats(point(19.8, 'FY2015'), point(40.4, '2019-04'));
    expect(caveats.map((c) => c.code)).toEqual(['different_precision', 'part_of_period']);
    expect(caveats[0]?.ja).toBe('時点の示し方が違う値（年度と月）を比べている');
  });

  it('warns on a running total', () => {
    const caveats = comparisonCaveats(point(10, 'FY2016'), point(120, 'FY2019', { text: '累計120件' }));
    expect(caveats.map((c) => c.code)).toEqual(['running_total']);
  });

  it('says nothing of two values of the same kind of date', () => {
    expect(comparisonCaveats(point(102, 'FY2016', { text: 'H28:102件' }), point(140, 'FY2018'))).toEqual([]);
  });
});
