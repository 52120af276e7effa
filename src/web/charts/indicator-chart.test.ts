import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drillDistricts,
  hometownTax,
  livability,
  noValues,
  womenManagers,
  womenOnCouncils,
} from '../../../test/helpers/chart-indicators.ts';
import { cpuMsOf } from '../../../test/helpers/cpu-time.ts';
import type { Indicator, IndicatorValue, Observation } from '../../domain/model.ts';
import { parsePartialDate } from '../../domain/partial-date.ts';
import { timeOnAxis } from './chart-series.ts';
import { chartSizes } from './chart-size.ts';
import { drawIndicatorChartSvg, renderIndicatorChartSvg, singleChartPoint } from './indicator-chart.ts';

/** The indicator with one more observation, so that its values span two dates and make a chart. */
function withObservation(
  indicator: Indicator,
  value: number,
  date: string,
  extra: Partial<IndicatorValue> = {},
) {
  const first = indicator.observations[0] as Observation;
  return { ...indicator, observations: [...indicator.observations, { ...first, value, date, ...extra }] };
}

/** The y coordinate of each text element, by its words. */
function textYs(svg: string): Map<string, number> {
  const ys = new Map<string, number>();
  for (const m of svg.matchAll(
    /<text[^>]*transform="translate\(([\d.-]+) ([\d.-]+)\)"[^>]*>([^<]*)<\/text>/g,
  )) {
    ys.set(m[3] ?? '', Number(m[2]));
  }
  return ys;
}

/** The points of the series line: "M138.6 140.9L329.6 110.3" → [[138.6, 140.9], [329.6, 110.3]]. */
function seriesLine(svg: string): [number, number][] {
  const d = /<path d="(M[^"]+)"[^>]*stroke="#0031d8"/.exec(svg)?.[1] ?? '';
  return [...d.matchAll(/[ML]([\d.-]+) ([\d.-]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('renderIndicatorChartSvg', () => {
  it('draws the observations as a blue line through the baseline, in time order', () => {
    const svg = renderIndicatorChartSvg(womenManagers) ?? '';
    const line = seriesLine(svg);
    expect(line).toHaveLength(3);
    // Rising values go up the page: each point's y is smaller than the one before.
    expect(line[1]?.[1]).toBeLessThan(line[0]?.[1] ?? 0);
    expect(line[2]?.[1]).toBeLessThan(line[1]?.[1] ?? 0);
    expect(svg).toContain('>2015年度</text>');
    expect(svg).toContain('>29.2%</text>');
  });

  it('marks the baseline with an orange diamond labelled 基準', () => {
    const svg = renderIndicatorChartSvg(womenManagers) ?? '';
    expect(svg).toMatch(/<path d="M0 -1L1 0L0 1L-1 0Z"[^>]*fill="#ac3e00"/);
    expect(svg).toContain('>基準 19.8%</text>');
  });

  it('draws the target as a dashed grey line labelled with its value', () => {
    const svg = renderIndicatorChartSvg(withObservation(womenOnCouncils, 42, '2021-04')) ?? '';
    expect(svg).toContain('>目標 45%</text>');
    expect(svg).toMatch(/<path [^>]*stroke="#333333"[^>]*stroke-dasharray/);
    // The axis reaches past the target so the line is inside the chart.
    expect(svg).toContain('>50%</text>');
  });

  it('names the image with a <title> and a one-sentence <desc>', () => {
    const svg = renderIndicatorChartSvg(womenManagers) ?? '';
    expect(svg).toMatch(
      /^<svg [^>]*role="img" aria-labelledby="chart-women-managers-title chart-women-managers-desc">/,
    );
    expect(svg).toContain('<title id="chart-women-managers-title">女性係長級以上比率</title>');
    expect(svg).toContain(
      '<desc id="chart-women-managers-desc">女性係長級以上比率は2015年度19.8%から2023年度29.2%へ。目標は未設定。</desc>',
    );
  });

  it('writes English labels and summary with lang en', () => {
    const svg =
      renderIndicatorChartSvg(withObservation(womenOnCouncils, 42, '2021-04'), { lang: 'en' }) ?? '';
    expect(svg).toContain('>Target 45%</text>');
    expect(svg).toContain(
      '審議会・委員会等の女性参画率: from 40.4% in April 2019 to 42% in April 2021. Target: 45%.',
    );
  });

  it('gives every chart its own ids, so two charts on a page do not share a clip path', () => {
    const a = renderIndicatorChartSvg(womenManagers) ?? '';
    const b = renderIndicatorChartSvg(hometownTax) ?? '';
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).length).toBeGreaterThan(2);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
    expect(a).not.toMatch(/zr\d+-/);
    // The same indicator draws to the same text, whatever ECharts' instance counters say.
    expect(drawIndicatorChartSvg(womenManagers)).toBe(drawIndicatorChartSvg(womenManagers));
  });

  it('puts 1位 at the top of a rank axis', () => {
    const svg = renderIndicatorChartSvg(withObservation(livability, 30, '2024')) ?? '';
    const ys = textYs(svg);
    expect(ys.get('1位')).toBeLessThan(ys.get('25位（812中）') ?? 0);
    expect(svg).toContain('>25位（812中）</text>');
  });

  it('draws a better rank higher up', () => {
    const rising: Indicator = {
      ...livability,
      observations: [
        { ...(livability.observations[0] as Observation), value: 25, date: '2023' },
        { ...(livability.observations[0] as Observation), value: 5, date: '2024' },
      ],
    };
    const [first, second] = seriesLine(renderIndicatorChartSvg(rising) ?? '');
    expect(second?.[1]).toBeLessThan(first?.[1] ?? 0);
  });

  it('plots a count of a whole as a rate, with the count in the label', () => {
    const svg = renderIndicatorChartSvg(withObservation(drillDistricts, 50, 'FY2018')) ?? '';
    expect(svg).toContain('>61区／68区（89.7%）</text>');
    expect(svg).toContain('>100%</text>');
  });

  it('writes amounts in 億 and 万', () => {
    const svg = renderIndicatorChartSvg(hometownTax) ?? '';
    expect(svg).toContain('>3億4,300万円</text>');
    expect(svg).toContain('>1億円</text>');
  });

  it('escapes a <script> in the indicator name and unit', () => {
    const hostile: Indicator = { ...womenManagers, name: '<script>alert("x")</script>', unit: '<b>&' };
    const svg = renderIndicatorChartSvg(hostile) ?? '';
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('draws no chart for values on a single date, and gives that value to be shown as a number', () => {
    expect(renderIndicatorChartSvg(womenOnCouncils)).toBeNull();
    expect(singleChartPoint(womenOnCouncils, 'ja')).toMatchObject({ date: '2019-04', label: '40.4%' });
    expect(singleChartPoint(drillDistricts, 'ja')).toMatchObject({ label: '61区／68区（89.7%）' });
    expect(singleChartPoint(womenManagers, 'ja')).toBeNull();
  });

  it('spaces points as far apart as their dates, not evenly', () => {
    const gaps: Indicator = {
      ...womenManagers,
      observations: [
        { ...(womenManagers.observations[0] as Observation), date: 'FY2016', value: 21 },
        { ...(womenManagers.observations[0] as Observation), date: 'FY2023', value: 29.2 },
      ],
    };
    const [a, b, c] = seriesLine(drawIndicatorChartSvg(gaps) ?? '').map(([x]) => x);
    // FY2015 → FY2016 is one year, FY2016 → FY2023 seven.
    expect(((c ?? 0) - (b ?? 0)) / ((b ?? 0) - (a ?? 0))).toBeCloseTo(7, 1);
  });

  it('places a 年度 half a year after the 年 of the same number', () => {
    const place = (date: string) => timeOnAxis(parsePartialDate(date)!);
    expect(new Date(place('FY2019')).toISOString().slice(0, 10)).toBe('2019-10-01');
    expect(new Date(place('2019')).toISOString().slice(0, 10)).toBe('2019-07-03');
    expect(new Date(place('2019-04')).toISOString().slice(0, 10)).toBe('2019-04-16');
    // 就任前 (before April 2016) sits where April 2016 begins.
    expect(new Date(place('<2016-04')).toISOString().slice(0, 10)).toBe('2016-04-01');
    const mixed: Indicator = {
      ...womenManagers,
      baseline: null,
      observations: [
        { ...(womenManagers.observations[0] as Observation), date: '2019', value: 20 },
        { ...(womenManagers.observations[0] as Observation), date: 'FY2019', value: 21 },
        { ...(womenManagers.observations[0] as Observation), date: '2021', value: 22 },
      ],
    };
    const [x2019, xFy2019, x2021] = seriesLine(drawIndicatorChartSvg(mixed) ?? '').map(([x]) => x ?? 0);
    expect(((xFy2019 ?? 0) - (x2019 ?? 0)) / ((x2021 ?? 0) - (x2019 ?? 0))).toBeCloseTo(0.125, 1);
  });

  it('draws a viewBox without a fixed size, at the type size of each drawing', () => {
    const wide = drawIndicatorChartSvg(womenManagers) ?? '';
    const narrow = drawIndicatorChartSvg(womenManagers, { size: chartSizes.narrow }) ?? '';
    expect(wide).toMatch(/^<svg [^>]*viewBox="0 0 720 300"/);
    expect(narrow).toMatch(/^<svg [^>]*viewBox="0 0 360 280"/);
    for (const svg of [wide, narrow]) expect(svg).not.toMatch(/^<svg [^>]*(?:width|height)=/);
    const sizes = (svg: string) => new Set([...svg.matchAll(/font-size="(\d+)px"/g)].map((m) => m[1]));
    expect(sizes(wide)).toEqual(new Set(['12']));
    expect(sizes(narrow)).toEqual(new Set(['13']));
    // The two drawings of one chart may share a page: their ids differ.
    expect(narrow).toContain('id="chart-women-managers-narrow-title"');
  });

  it('leaves out a date label that would run into the one before, keeping its point', () => {
    const crowded: Indicator = {
      ...womenManagers,
      observations: [
        { ...(womenManagers.observations[0] as Observation), date: '2019-04', value: 22 },
        { ...(womenManagers.observations[0] as Observation), date: '2019-05', value: 23 },
      ],
    };
    const svg = drawIndicatorChartSvg(crowded, { size: chartSizes.narrow }) ?? '';
    expect(seriesLine(svg)).toHaveLength(3);
    expect(svg).toContain('>2015年度</text>');
    expect(svg).toContain('>2019年4月</text>');
    expect(svg).not.toContain('>2019年5月</text>');
  });

  it('returns null when there is nothing to plot', () => {
    expect(renderIndicatorChartSvg(noValues)).toBeNull();
    expect(renderIndicatorChartSvg({ ...noValues, target: womenOnCouncils.target })).toBeNull();
  });
});

const dateArbitrary = fc.oneof(
  fc.integer({ min: 1990, max: 2040 }).map((y) => `FY${y}`),
  fc.integer({ min: 1990, max: 2040 }).map(String),
  fc
    .tuple(fc.integer({ min: 1990, max: 2040 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc.constantFrom('2021-autumn', '<2016-04', '2020-01-15', 'not a date'),
  fc.constant(null),
);

const observationArbitrary = fc.record({
  value: fc.double(),
  date: dateArbitrary,
  outOf: fc.option(fc.double({ min: 0, max: 1e6 })),
  rankOf: fc.option(fc.integer({ min: 1, max: 2000 })),
});

describe('renderIndicatorChartSvg on any series', () => {
  it('never throws and never writes NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.array(observationArbitrary, { maxLength: 12 }),
        fc.option(fc.double()),
        fc.constantFrom('increase', 'decrease', 'maintain', 'rank') as fc.Arbitrary<Indicator['direction']>,
        (points, target, direction) => {
          const observations: Observation[] = points.map((p) => ({
            ...p,
            qualifier: null,
            source: { documentId: 'komoro-pride-vol5', line: 1 },
          }));
          const indicator: Indicator = {
            ...womenManagers,
            name: '指標',
            direction,
            baseline: observations[0] ?? null,
            observations: observations.slice(1),
            target: target === null ? null : { ...womenOnCouncils.target!, value: target },
          };
          const svg = drawIndicatorChartSvg(indicator);
          if (svg !== null) expect(svg).not.toMatch(/NaN|Infinity/);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Average CPU milliseconds per call; CPU time, as wall time swings with whatever else the machine runs. */
function cpuMsPerCall(runs: number, call: (i: number) => void): number {
  return (
    cpuMsOf(() => {
      for (let i = 0; i < runs; i++) call(i);
    }) / runs
  );
}

describe('renderIndicatorChartSvg speed', () => {
  it('draws a chart in less than the 20 ms a whole policy page may take', () => {
    drawIndicatorChartSvg(womenManagers);
    const average = cpuMsPerCall(200, (i) => drawIndicatorChartSvg(i % 2 ? womenManagers : hometownTax));
    console.log(`indicator chart: ${average.toFixed(2)} ms CPU per ECharts render (average of 200)`);
    expect(average).toBeLessThan(20);
  });

  it('serves a chart drawn before from the cache, far faster', () => {
    const drawn = cpuMsPerCall(20, () => drawIndicatorChartSvg(womenManagers));
    renderIndicatorChartSvg(womenManagers);
    const cached = cpuMsPerCall(200, () => renderIndicatorChartSvg(womenManagers));
    console.log(`indicator chart: ${cached.toFixed(3)} ms CPU per cached render (average of 200)`);
    expect(cached).toBeLessThan(drawn / 10);
    expect(renderIndicatorChartSvg(womenManagers)).toBe(drawIndicatorChartSvg(womenManagers));
  });

  it('reuses the drawing of the same values for another indicator, with that indicator’s ids, name and summary', () => {
    // The same indicator of another municipality: other id and name, the same values.
    const twin = (n: number): Indicator => ({
      ...hometownTax,
      id: `elsewhere-${n}.tax`,
      name: `ふるさと納税${n}`,
    });
    renderIndicatorChartSvg(twin(0), { lang: 'en' });
    const drawn = cpuMsPerCall(10, (i) => drawIndicatorChartSvg(twin(100 + i), { lang: 'en' }));
    const shared = cpuMsPerCall(50, (i) => renderIndicatorChartSvg(twin(200 + i), { lang: 'en' }));
    console.log(`indicator chart: ${shared.toFixed(3)} ms CPU per render reusing a drawing (average of 50)`);
    expect(shared).toBeLessThan(drawn / 3);
    const svg = renderIndicatorChartSvg(twin(1), { lang: 'en' }) ?? '';
    expect(svg).toBe(drawIndicatorChartSvg(twin(1), { lang: 'en' }));
    expect(svg).toContain('id="chart-elsewhere-1_2etax-title"');
    expect(svg).not.toMatch(/elsewhere-0|zr\d+-/);
  });
});
