import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJapaneseDate, parseJapanesePeriod, splitEraPrefixedValue } from './japanese-date.ts';
import { seasons } from './partial-date.ts';
import { formatPartialDate } from './wareki.ts';

const read = (text: string) => parseJapaneseDate(text)?.text ?? null;

describe('parseJapaneseDate', () => {
  it('reads a bare letter era and any 年度 as a fiscal year', () => {
    expect(read('H27')).toBe('FY2015');
    expect(read('R元')).toBe('FY2019');
    expect(read('R5')).toBe('FY2023');
    expect(read('平成31年度')).toBe('FY2019');
    expect(read('令和元年度')).toBe('FY2019');
    expect(read('2019年度')).toBe('FY2019');
  });
  it('counts H31 and R元 as the same year', () => {
    expect(read('H31')).toBe(read('R元'));
  });
  it('reads era dates with a month, a day or a season', () => {
    expect(read('H31.4現在')).toBe('2019-04');
    expect(read('R2.1月15日')).toBe('2020-01-15');
    expect(read('R 2.1月15日')).toBe('2020-01-15');
    expect(read('R2.1.15')).toBe('2020-01-15');
    expect(read('R3秋完成予定')).toBe('2021-autumn');
    expect(read('令和五年十二月一日')).toBe('2023-12-01');
  });
  it('reads a 年 without 年度 as a calendar year', () => {
    expect(read('令和5年の人口動態')).toBe('2023');
    expect(read('2023年')).toBe('2023');
    expect(read('2023')).toBe('2023');
  });
  it('reads Western dates with dots, 年月日 and full-width digits', () => {
    expect(read('2016.2.12')).toBe('2016-02-12');
    expect(read('2020.1')).toBe('2020-01');
    expect(read('2024年2月号')).toBe('2024-02');
    expect(read('２０２０年１月')).toBe('2020-01');
    expect(read('2020.1 発行(改訂版)')).toBe('2020-01');
  });
  it('reads 以前 as a "before" date', () => {
    expect(read('R元以前')).toBe('<FY2019');
  });
  it('refuses era years that never were, and text that is not one date', () => {
    for (const text of [
      'H32',
      'R0',
      '平成31年5月1日',
      '昭和64年度',
      'R1.4',
      '就任前',
      '19年の8月診療分',
      '2019.5%',
      '',
    ])
      expect(read(text), text).toBeNull();
    expect(read('2016年4月～2023年12月末現在')).toBeNull();
    expect(read('2019-02-30')).toBeNull();
  });
  it('reads its own 西暦（和暦） output and refuses a gloss that disagrees', () => {
    expect(read('2019年度（令和元年度）')).toBe('FY2019');
    expect(read('2019年（平成31年・令和元年）')).toBe('2019');
    expect(read('2016年4月以前（平成28年4月以前）')).toBe('<2016-04');
    expect(read('2019年（平成30年）')).toBeNull();
  });
});

describe('parseJapanesePeriod', () => {
  const period = (text: string) => {
    const p = parseJapanesePeriod(text);
    return p && [p.start.text, p.end.text];
  };
  it('reads two dates around ～, ~ or ..', () => {
    expect(period('2016年4月～2023年12月末現在')).toEqual(['2016-04', '2023-12']);
    expect(period('2016.4~2020.1')).toEqual(['2016-04', '2020-01']);
    expect(period('2016-04..2020-04')).toEqual(['2016-04', '2020-04']);
    expect(period('H28からH30まで')).toEqual(['FY2016', 'FY2018']);
  });
  it('refuses a change from one value to another, and a period that ends before it starts', () => {
    expect(period('H28:102件→H30:140件')).toBeNull();
    expect(period('2020.1~2016.4')).toBeNull();
    expect(period('2016.4')).toBeNull();
  });
});

describe('splitEraPrefixedValue', () => {
  it('splits an era year glued to its value by OCR', () => {
    expect(splitEraPrefixedValue('H2719.8%')).toEqual({
      date: 'FY2015',
      value: 19.8,
      unit: '%',
      qualifier: null,
      outOf: null,
    });
  });
  it('falls back to a one-digit era year when two digits name no year', () => {
    expect(splitEraPrefixedValue('H3512件')).toMatchObject({ date: 'FY1991', value: 512, unit: '件' });
  });
  it('reads a colon-separated count of a total', () => {
    expect(splitEraPrefixedValue('R元:61/68区')).toEqual({
      date: 'FY2019',
      value: 61,
      unit: '区',
      qualifier: null,
      outOf: 68,
    });
  });
  it('refuses text without an era or without a value', () => {
    expect(splitEraPrefixedValue('19.8%')).toBeNull();
    expect(splitEraPrefixedValue('H27')).toBeNull();
  });
});

const canonicalDates = fc.oneof(
  fc.integer({ min: 1873, max: 2100 }).map((y) => `FY${y}`),
  fc.integer({ min: 1873, max: 2100 }).map(String),
  fc.tuple(fc.integer({ min: 1873, max: 2100 }), fc.constantFrom(...seasons)).map(([y, s]) => `${y}-${s}`),
  fc
    .tuple(fc.integer({ min: 1873, max: 2100 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .date({
      min: new Date('1873-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
);

describe('format and parse together', () => {
  it('reads back every date it formats, at every precision, before or not', () => {
    fc.assert(
      fc.property(canonicalDates, fc.boolean(), (date, before) => {
        const text = before ? `<${date}` : date;
        expect(read(formatPartialDate(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
  it('never throws on any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        (text) => {
          const date = parseJapaneseDate(text);
          if (date) expect(Number.isFinite(date.year)).toBe(true);
          parseJapanesePeriod(text);
          splitEraPrefixedValue(text);
          expect(typeof formatPartialDate(text)).toBe('string');
        },
      ),
    );
  });
});
