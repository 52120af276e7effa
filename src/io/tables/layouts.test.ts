import { describe, expect, it } from 'vitest';
import { periodOfHeader } from './header-map.ts';
import { detectLayout } from './layouts.ts';

describe('periodOfHeader', () => {
  it.each([
    ['H28', 'FY2016'],
    ['平成28年度', 'FY2016'],
    ['令和元年度', 'FY2019'],
    ['平成31年度', 'FY2019'],
    ['2019年度', 'FY2019'],
    ['FY2019', 'FY2019'],
    ['ＦＹ２０１９', 'FY2019'],
    ['2019', '2019'],
  ])('reads %s as %s', (header, period) => {
    expect(periodOfHeader(header)).toBe(period);
  });

  it('leaves ordinary headers alone', () => {
    expect([periodOfHeader('備考'), periodOfHeader('')]).toEqual([null, null]);
  });
});

describe('detectLayout', () => {
  const kindOf = (header: string[], sheet?: string) => {
    const detected = detectLayout(header, sheet);
    return (
      detected &&
      `${detected.layout.kind}${detected.layout.wide ? ':wide' : ''}${detected.complete ? '' : '?'}`
    );
  };

  it('tells the four layouts apart by their headers alone', () => {
    expect(kindOf(['planId', 'id', 'kind', 'title'])).toBe('nodes');
    expect(kindOf(['指標ID', 'ノードID', '指標名', '単位', '方向'])).toBe('indicators');
    expect(kindOf(['指標ID', '年度', '値', '出典'])).toBe('indicatorValues');
    expect(kindOf(['指標ID', '出典', 'H28', 'H29'])).toBe('indicatorValues:wide');
  });

  it('matches code names whatever their case and Japanese headers in full-width', () => {
    expect(kindOf(['INDICATORID', 'Date', 'VALUE', 'sourcedocumentid'])).toBe('indicatorValues');
    expect(kindOf(['指標ＩＤ', '年度', '値', '出典'])).toBe('indicatorValues');
  });

  it('falls back on the sheet name when required columns are missing', () => {
    expect(kindOf(['指標ID', '値'], '実績値')).toBe('indicatorValues?');
    expect(kindOf(['指標ID', '値'], '指標')).toBe('indicators?');
  });

  it('gives up on headers that match no table', () => {
    expect(kindOf(['foo', 'bar'])).toBeNull();
  });
});

describe('published year headers in the wide layout', () => {
  it.each([
    ['平成13年実績', '2001'],
    ['平成15年9月30日現在', '2003-09-30'],
  ])('reads the actuals column %s as %s', (header, period) => {
    expect(periodOfHeader(header)).toBe(period);
  });

  it.each(['平成15年末見込', 'H31年度予測', '令和7年度目標', '5ヵ年目標'])(
    'never reads the forecast or target column %s as a period of actuals',
    (header) => {
      expect(periodOfHeader(header)).toBeNull();
    },
  );

  it('accepts the indicator name beside the id, as published tables print it', () => {
    for (const name of ['指標名', '成果指標', '数値目標項目']) {
      const detected = detectLayout(['指標ID', name, '出典', '平成28年', '平成29年'], undefined);
      expect(detected?.layout.wide).toBe(true);
      expect(detected?.headers.unknown).toEqual([]);
    }
  });
});
