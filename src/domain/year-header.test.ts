import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPartialDate } from './wareki.ts';
import { parseYearHeader } from './year-header.ts';

describe('parseYearHeader', () => {
  it.each([
    ['平成25年度', { kind: 'fiscal', year: 2013, date: 'FY2013', role: 'actual' }],
    ['H25年度', { kind: 'fiscal', year: 2013, date: 'FY2013', role: 'actual' }],
    ['2019年度', { kind: 'fiscal', year: 2019, date: 'FY2019', role: 'actual' }],
    ['R1年度', { kind: 'fiscal', year: 2019, date: 'FY2019', role: 'actual' }],
    ['令和元年度', { kind: 'fiscal', year: 2019, date: 'FY2019', role: 'actual' }],
    ['ＦＹ２０２０', { kind: 'fiscal', year: 2020, date: 'FY2020', role: 'actual' }],
    ['平成25年', { kind: 'calendar', year: 2013, date: '2013', role: 'actual' }],
    ['2019年', { kind: 'calendar', year: 2019, date: '2019', role: 'actual' }],
    ['平成12年', { kind: 'calendar', year: 2000, date: '2000', role: 'actual' }],
    ['平成13年実績', { kind: 'calendar', year: 2001, date: '2001', role: 'actual' }],
    ['平成15年9月30日現在', { kind: 'snapshot', year: 2003, date: '2003-09-30', role: 'actual' }],
    ['平成15年末見込', { kind: 'calendar', year: 2003, date: '2003', role: 'forecast' }],
    ['H31年度予測', { kind: 'fiscal', year: 2019, date: 'FY2019', role: 'forecast' }],
    ['令和7年度目標', { kind: 'fiscal', year: 2025, date: 'FY2025', role: 'target' }],
    ['5ヵ年目標', { kind: 'target', year: null, date: null, role: 'target' }],
    ['5か年目標', { kind: 'target', year: null, date: null, role: 'target' }],
    ['目標', { kind: 'target', year: null, date: null, role: 'target' }],
    ['目標値', { kind: 'target', year: null, date: null, role: 'target' }],
  ])('reads %s', (header, expected) => {
    expect(parseYearHeader(header)).toEqual(expected);
  });

  it.each([
    ['H25', 2013, 'FY2013', '2013'],
    ['R1', 2019, 'FY2019', '2019'],
    ['r元', 2019, 'FY2019', '2019'],
  ])('reports %s as ambiguous between 年 and 年度', (header, year, fiscalDate, calendarDate) => {
    expect(parseYearHeader(header)).toEqual({
      kind: 'ambiguous',
      year,
      date: null,
      role: 'actual',
      fiscalDate,
      calendarDate,
    });
  });

  it.each(['指標名', '単位', '基準値', '', 'KPI', '平成', '平成50年度', '2019年春', '実績'])(
    'finds no year in %s',
    (header) => {
      expect(parseYearHeader(header)).toBeNull();
    },
  );

  it('reads back every 和暦 label the formatter writes, as 年 and as 年度', () => {
    fc.assert(
      // The date engine reads era years of one or two digits: 令和99年 (2117) is the last it reads.
      fc.property(fc.integer({ min: 1873, max: 2117 }), (year) => {
        const wareki = (label: string) => /（(.+)）/u.exec(label)?.[1]?.split('・') ?? [];
        const fiscalLabels = wareki(formatPartialDate(`FY${year}`));
        const calendarLabels = wareki(formatPartialDate(String(year)));
        expect(fiscalLabels.length).toBeGreaterThan(0);
        for (const label of fiscalLabels)
          expect(parseYearHeader(label)).toMatchObject({ kind: 'fiscal', year, date: `FY${year}` });
        for (const label of calendarLabels)
          expect(parseYearHeader(label)).toMatchObject({ kind: 'calendar', year, date: String(year) });
        expect(parseYearHeader(`${year}年度`)).toMatchObject({ kind: 'fiscal', year });
        expect(parseYearHeader(`${year}年`)).toMatchObject({ kind: 'calendar', year });
      }),
    );
  });
});
