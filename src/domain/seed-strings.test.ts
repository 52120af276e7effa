/**
 * Real strings copied from the two seed newsletters, read by the figures engine.
 * Every quote is first checked against the seed text, so a case cannot drift from what the source prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJapaneseDate, parseJapanesePeriod, splitEraPrefixedValue } from './japanese-date.ts';
import { parseCountOfTotal, parseJapaneseNumber, parseRank } from './japanese-number.ts';

const documents = new URL('../../data/demo/komoro/documents/', import.meta.url);
const seed = {
  pride: readFileSync(new URL('komoro-pride-vol5.txt', documents), 'utf8'),
  brand: readFileSync(new URL('komoro-brand-vol10.txt', documents), 'utf8'),
};
type Seed = keyof typeof seed;

/** The quote as the seed prints it; fails the test if the seed does not contain it. */
function quote(from: Seed, text: string): string {
  expect(seed[from], `seed ${from} contains ${JSON.stringify(text)}`).toContain(text);
  return text;
}

describe('numbers in the seeds', () => {
  it.each([
    ['pride', '679万', { value: 6_790_000, unit: null, qualifier: null }],
    ['pride', '3億4300万', { value: 343_000_000, unit: null, qualifier: null }],
    ['pride', '-12.81%', { value: -12.81, unit: '%', qualifier: null }],
    ['pride', '約3200時間減', { value: 3200, unit: '時間', qualifier: 'about', change: 'decrease' }],
    ['pride', '50.5倍', { value: 50.5, unit: '倍', qualifier: null }],
    ['pride', '3682人', { value: 3682, unit: '人', qualifier: null }],
    ['pride', '102件', { value: 102, unit: '件', qualifier: null }],
    ['pride', '3,536千円', { value: 3_536_000, unit: '円', qualifier: null }],
    ['pride', '140件', { value: 140, unit: '件', qualifier: null }],
    ['pride', '5,533千円', { value: 5_533_000, unit: '円', qualifier: null }],
    ['pride', '45%', { value: 45, unit: '%', qualifier: null }],
    ['pride', '40.4%', { value: 40.4, unit: '%', qualifier: null }],
    ['pride', '89.7%', { value: 89.7, unit: '%', qualifier: null }],
    ['pride', '10万人', { value: 100_000, unit: '人', qualifier: null }],
    ['pride', '500 円', { value: 500, unit: '円', qualifier: null }],
    ['pride', '8団体', { value: 8, unit: '団体', qualifier: null }],
    ['pride', '10地区', { value: 10, unit: '地区', qualifier: null }],
    ['brand', '25位', { value: 25, unit: '位', qualifier: null }],
    ['brand', '289 人', { value: 289, unit: '人', qualifier: null }],
    ['brand', '289人', { value: 289, unit: '人', qualifier: null }],
    ['brand', '23億 2107万\n円余', { value: 2_321_070_000, unit: '円', qualifier: 'over' }],
    ['brand', '23.21億円余', { value: 2_321_000_000, unit: '円', qualifier: 'over' }],
    ['brand', '29.2%', { value: 29.2, unit: '%', qualifier: null }],
    ['brand', '9.4ポイント', { value: 9.4, unit: 'ポイント', qualifier: null }],
    ['brand', '30店舗以上', { value: 30, unit: '店舗', qualifier: 'at_least' }],
    ['brand', '500円', { value: 500, unit: '円', qualifier: null }],
    ['brand', '8年間', { value: 8, unit: '年間', qualifier: null }],
  ] as const)('%s: %j', (from, text, expected) => {
    expect(parseJapaneseNumber(quote(from, text))).toEqual({ ...expected, text });
  });

  it('reads the two figures of one line of the arrears record (H28:102件3,536千円)', () => {
    const line = quote('pride', 'H28:102件3,536千円→H30:140件5,533千円');
    const [before = '', after = ''] = line.split('→');
    expect(splitEraPrefixedValue(before.replace('3,536千円', ''))).toMatchObject({
      date: 'FY2016',
      value: 102,
    });
    expect(parseJapaneseNumber(before.replace('H28:102件', ''))?.value).toBe(3_536_000);
    expect(splitEraPrefixedValue(after.replace('5,533千円', ''))).toMatchObject({
      date: 'FY2018',
      value: 140,
    });
  });

  it('reads a count of a total and ranks', () => {
    expect(parseCountOfTotal(quote('pride', '61/68区'))).toEqual({ value: 61, outOf: 68, unit: '区' });
    expect(parseRank(quote('brand', '25位 812 市区中'))).toEqual({ value: 25, rankOf: 812, unit: '位' });
    expect(parseRank(quote('brand', '77市町村中5位'))).toEqual({ value: 5, rankOf: 77, unit: '位' });
    // 「5位 289 人」 is a rank beside a head count, not a rank among 289.
    expect(parseRank(quote('brand', '5位 289 人'))).toBeNull();
  });

  it.each([
    ['brand', 'VOL.10'],
    ['pride', 'VOL.5.02'],
    ['pride', '〒384-0808'],
    ['pride', '就任前'],
  ] as const)('%s: %j is no figure', (from, text) => {
    expect(parseJapaneseNumber(quote(from, text))).toBeNull();
  });
});

describe('era-prefixed values in the seeds', () => {
  it('splits the OCR-glued 「H2719.8%→H3123.8%」', () => {
    const [from = '', to = ''] = quote('pride', 'H2719.8%→H3123.8%').split('→');
    expect(splitEraPrefixedValue(from)).toEqual({
      date: 'FY2015',
      value: 19.8,
      unit: '%',
      qualifier: null,
      outOf: null,
    });
    expect(splitEraPrefixedValue(to)).toEqual({
      date: 'FY2019',
      value: 23.8,
      unit: '%',
      qualifier: null,
      outOf: null,
    });
  });
  it('reads a colon after the era year', () => {
    const [from = '', to = ''] = quote('pride', 'H25:34.5%→H29:39.7%').split('→');
    expect(splitEraPrefixedValue(from)).toMatchObject({ date: 'FY2013', value: 34.5, unit: '%' });
    expect(splitEraPrefixedValue(to)).toMatchObject({ date: 'FY2017', value: 39.7, unit: '%' });
    expect(splitEraPrefixedValue(quote('pride', 'R元:61/68区'))).toEqual({
      date: 'FY2019',
      value: 61,
      unit: '区',
      qualifier: null,
      outOf: 68,
    });
  });
  it('reads a 年度 written out before the value (19.8%→令和5年度29.2%)', () => {
    const [from = '', to = ''] = quote('brand', '19.8%→令和5年度29.2%').split('→');
    expect(parseJapaneseNumber(from)?.value).toBe(19.8);
    expect(splitEraPrefixedValue(to)).toMatchObject({ date: 'FY2023', value: 29.2, unit: '%' });
  });
});

describe('dates in the seeds', () => {
  it.each([
    ['pride', 'H31.4現在', '2019-04'],
    ['pride', 'R 2.1月15日', '2020-01-15'],
    ['pride', 'R3秋完成予定', '2021-autumn'],
    ['pride', '2016.2.12', '2016-02-12'],
    ['pride', '2020.1', '2020-01'],
    ['pride', '2020.1 発行(改訂版)', '2020-01'],
    ['pride', '平成28年4月', '2016-04'],
    ['pride', 'H28', 'FY2016'],
    ['pride', 'H30', 'FY2018'],
    ['pride', 'R元', 'FY2019'],
    ['brand', '2024年2月号', '2024-02'],
    ['brand', '令和5年', '2023'],
    ['brand', '令和5年の人口動態', '2023'],
    ['brand', '2023年の人口動態', '2023'],
    ['brand', '令和5年度', 'FY2023'],
    ['brand', '2023', '2023'],
  ] as const)('%s: %j', (from, text, expected) => {
    expect(parseJapaneseDate(quote(from, text))?.text).toBe(expected);
  });

  it.each([
    ['pride', '就任前'],
    ['pride', '1月現在'],
    ['brand', '19年の8月診療分'],
    ['pride', '2529-1'],
    ['pride', 'TEL0267-23-8788'],
  ] as const)('%s: %j is no date', (from, text) => {
    expect(parseJapaneseDate(quote(from, text))).toBeNull();
  });

  it('reads the periods the seeds print', () => {
    const furusato = parseJapanesePeriod(quote('brand', '2016年4月～2023年\n12月末現在'));
    expect([furusato?.start.text, furusato?.end.text]).toEqual(['2016-04', '2023-12']);
    const term = parseJapanesePeriod(quote('pride', '2016.4~2020.1'));
    expect([term?.start.text, term?.end.text]).toEqual(['2016-04', '2020-01']);
    expect(parseJapanesePeriod(quote('pride', 'H28:102件3,536千円→H30:140件5,533千円'))).toBeNull();
  });
});
