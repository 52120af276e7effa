/**
 * 枚方市「事業仕分け結果に係る対応方針」: every number of the page's two tables and its prose, written out by hand,
 * must be in the demo as printed, and the engine must reproduce each printed total from its printed parts exactly
 * (counts of decisions, the budget effect per year, per decision and overall).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishedPartsChecks } from '../src/domain/figures/published-parts.ts';
import type { OrganizationDocument, PlanFigure } from '../src/domain/model.ts';
import { loadDataset, otherDemoDatasetDirs } from '../src/io/dataset.ts';

const dir = otherDemoDatasetDirs.find((d) => d.includes('hirakata')) ?? '';
let doc: OrganizationDocument;
let figures: PlanFigure[];
let lines: string[];

beforeAll(async () => {
  doc = await loadDataset(dir);
  figures = doc.plans[0]?.reported ?? [];
  lines = readFileSync(join(dir, 'documents', 'hirakata-shiwake-taio.txt'), 'utf8').split('\n');
});

// The page's numbers as a reader copies them from its tables: [label, value, words printed].
const printed: [string, number, string][] = [
  ['仕分け結果: 廃止または再構築', 10, '10'],
  ['仕分け結果: 民間等', 0, '0'],
  ['仕分け結果: 要改善', 22, '22'],
  ['仕分け結果: 現行通', 4, '4'],
  ['仕分け結果: 合計', 36, '36'],
  ['市の対応方針: 廃止', 3, '3'],
  ['市の対応方針: 再構築', 7, '7'],
  ['市の対応方針: 民間等', 0, '0'],
  ['市の対応方針: 改善', 22, '22'],
  ['市の対応方針: 現行通', 4, '4'],
  ['市の対応方針: 合計', 36, '36'],
  ['H23仕分け効果額: 廃止', -6_479_000, '-6,479千円'],
  ['H23仕分け効果額: 再構築', -14_461_000, '-14,461千円'],
  ['H23仕分け効果額: 改善', -30_525_000, '-30,525千円'],
  ['H23仕分け効果額: 合計', -51_465_000, '-51,465千円'],
  ['H24仕分け効果額: 廃止', -2_500_000, '-2,500千円'],
  ['H24仕分け効果額: 再構築', -1_188_000, '-1,188千円'],
  ['H24仕分け効果額: 改善', -3_181_000, '-3,181千円'],
  ['H24仕分け効果額: 現行通', -500_000, '-500千円'],
  ['H24仕分け効果額: 合計', -7_369_000, '-7,369千円'],
  ['H24仕分け効果額（本文）', -7_369_000, '合計736万9千円'],
  ['仕分け効果額合計: 廃止', -8_979_000, '-8,979千円'],
  ['仕分け効果額合計: 再構築', -15_649_000, '-15,649千円'],
  ['仕分け効果額合計: 改善', -33_706_000, '-33,706千円'],
  ['仕分け効果額合計: 現行通', -500_000, '-500千円'],
  ['仕分け効果額合計((1)+(2))', -58_834_000, '-58,834千円'],
  ['仕分け効果額合計（本文）', -58_834_000, '5,883万4千円'],
];

describe('the 枚方市 demo', () => {
  it('is its own organization, with the city’s own words for its decisions', () => {
    expect(doc.organization).toMatchObject({ id: 'hirakata', name: '枚方市', municipalityCode: '272108' });
    expect(doc.organization.nextStepVocabulary?.map((s) => s.label)).toEqual([
      '廃止',
      '再構築',
      '民間等',
      '改善',
      '現行通',
    ]);
    expect(doc.documents[0]?.url).toBe('https://www.city.hirakata.osaka.jp/0000000570.html');
  });

  it('holds every printed number, as printed, and nothing else', () => {
    expect(figures.map((f) => [f.label, f.value, f.text])).toEqual(printed);
  });

  it('sources every number to the line of the page that prints it', () => {
    for (const f of figures) {
      const line = lines[(f.source.line ?? 0) - 1] ?? '';
      expect(line.replace(/\s+/g, ''), f.label).toContain((f.source.quote ?? '').replace(/\s+/g, ''));
      expect(line, f.label).toContain(f.text);
    }
  });

  it('reproduces every printed total from its printed parts exactly', () => {
    const checks = publishedPartsChecks(figures);
    const summary = checks.map((c) => [c.total.label, c.sumText, c.matches]);
    expect(summary).toEqual([
      ['市の対応方針: 合計', '36事業', true],
      ['H23仕分け効果額: 合計', '▲51,465千円', true],
      ['H24仕分け効果額: 合計', '▲7,369千円', true],
      ['H24仕分け効果額（本文）', '▲7,369千円', true],
      ['仕分け効果額合計((1)+(2))', '▲58,834千円', true],
      ['仕分け効果額合計（本文）', '▲58,834千円', true],
    ]);
  });

  it('adds up the reviewers’ verdicts (no direction codes: their words differ from the city’s) to 36 by hand', () => {
    const verdicts = figures.filter(
      (f) => f.label.startsWith('仕分け結果: ') && f.label !== '仕分け結果: 合計',
    );
    expect(verdicts.reduce((s, f) => s + f.value, 0)).toBe(36);
  });

  it('has each year’s effect add up to the overall effect, and each decision’s two years to its row total', () => {
    const value = (label: string) => figures.find((f) => f.label === label)?.value;
    expect((value('H23仕分け効果額: 合計') ?? 0) + (value('H24仕分け効果額: 合計') ?? 0)).toBe(
      value('仕分け効果額合計((1)+(2))'),
    );
    for (const decision of ['廃止', '再構築', '改善']) {
      expect(
        (value(`H23仕分け効果額: ${decision}`) ?? 0) + (value(`H24仕分け効果額: ${decision}`) ?? 0),
        decision,
      ).toBe(value(`仕分け効果額合計: ${decision}`));
    }
  });
});
