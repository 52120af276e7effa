import { describe, expect, it } from 'vitest';
import type { Indicator, PlanNode } from '../../domain/model.ts';
import { parseNewsletter } from './parse-newsletter.ts';

const options = { documentId: 'doc', planId: 'draft' };
const parse = (lines: string[]) => parseNewsletter(['2020.1 発行', '', ...lines].join('\n'), options);
const all = (nodes: PlanNode[]): PlanNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
const indicators = (nodes: PlanNode[]): Indicator[] => all(nodes).flatMap((n) => n.indicators);

describe('parseNewsletter', () => {
  it('reads a numbered pillar heading with its slogan, in either order and with bars', () => {
    const { plan } = parse([
      '1.市役所の改革 「しせいを正す」',
      '',
      '「笑顔」 3.市民の幸福',
      '',
      '4.産業振興 |攻める|',
    ]);
    expect(plan.nodes.map((n) => [n.code, n.title, n.slogan])).toEqual([
      ['1', '市役所の改革', 'しせいを正す'],
      ['3', '市民の幸福', '笑顔'],
      ['4', '産業振興', '攻める'],
    ]);
  });

  it('reads seed 2 layout: the number alone, the title, then the vision phrase over two lines', () => {
    const { plan } = parse([
      '01',
      '',
      '子育て・教育',
      '',
      '心豊かで自立した',
      '人が育つまち',
      '',
      '- 南城森の保育園を開園',
    ]);
    const pillar = plan.nodes[0];
    expect([pillar?.code, pillar?.title, pillar?.visionPhrase]).toEqual([
      '01',
      '子育て・教育',
      '心豊かで自立した人が育つまち',
    ]);
    expect(pillar?.achievements.map((a) => a.title)).toEqual(['南城森の保育園を開園']);
  });

  it('makes several policies of several ● on one line, each with its line as source', () => {
    const { plan } = parse(['2.連携強化 「絆」', '', '- ●自治会の見直し ●郷土愛の醸成']);
    const policies = plan.nodes[0]?.children ?? [];
    expect(policies.map((p) => [p.kind, p.title, p.source?.line])).toEqual([
      ['policy', '自治会の見直し', 5],
      ['policy', '郷土愛の醸成', 5],
    ]);
  });

  it('files ・ lines of a <主な取り組み実績> block as achievements, splitting at a spaced ・ and keeping ※ notes apart', () => {
    const { plan } = parse([
      '3.幸福 「笑顔」',
      '',
      '<主な取り組み実績>',
      '- ・危機管理課の創設 ・消防庁舎の移転新築',
      '- ・アウトソーシングの推進 ※アウトソーシング=委託',
    ]);
    const achievements = plan.nodes[0]?.achievements ?? [];
    expect(achievements.map((a) => a.title)).toEqual([
      '危機管理課の創設',
      '消防庁舎の移転新築',
      'アウトソーシングの推進',
    ]);
    expect(achievements[2]?.note).toBe('アウトソーシング=委託');
    expect(achievements[0]?.source.section).toContain('<主な取り組み実績>');
  });

  it('makes a boxed highlight of a line followed by ・ details', () => {
    const { plan } = parse([
      '3.幸福 「笑顔」',
      '',
      '高地トレーニングの推進',
      '',
      '- ・8団体による協議会運営',
      '- ・トップアスリートを招致',
    ]);
    const box = plan.nodes[0]?.achievements[0];
    expect([box?.title, box?.highlight, box?.details]).toEqual([
      '高地トレーニングの推進',
      true,
      ['8団体による協議会運営', 'トップアスリートを招致'],
    ]);
    expect(indicators(plan.nodes)[0]?.observations[0]).toMatchObject({ value: 8, date: '2020-01' });
  });

  it('turns 「H28:102件3,536千円→H30:140件5,533千円」 into two indicators with baseline and observation', () => {
    const { plan } = parse([
      '1.改革 「正す」',
      '',
      '<主な取り組み実績>',
      '- ・差押件数と換価額 H28:102件3,536千円→H30:140件5,533千円',
    ]);
    const found = indicators(plan.nodes).map((i) => [
      i.unit,
      i.baseline?.value,
      i.baseline?.date,
      i.observations[0]?.value,
      i.observations[0]?.date,
    ]);
    expect(found).toEqual([
      ['件', 102, 'FY2016', 140, 'FY2018'],
      ['円', 3536000, 'FY2016', 5533000, 'FY2018'],
    ]);
  });

  it('reads 目標45%に対しH31.4現在40.4% as a target and an observation of one indicator', () => {
    const { plan } = parse([
      '1.改革 「正す」',
      '',
      '<主な取り組み実績>',
      '- ・女性参画率 目標45%に対しH31.4現在40.4%',
    ]);
    const [indicator] = indicators(plan.nodes);
    expect([
      indicator?.target?.value,
      indicator?.target?.date,
      indicator?.observations[0]?.value,
      indicator?.observations[0]?.date,
    ]).toEqual([45, null, 40.4, '2019-04']);
  });

  it('reads R元:61/68区 as a count of a total in fiscal 2019', () => {
    const { plan } = parse([
      '3.幸福 「笑顔」',
      '',
      '<主な取り組み実績>',
      '- ・防災訓練の見直し(R元:61/68区、実施率:89.7%)',
    ]);
    const [indicator] = indicators(plan.nodes);
    expect(indicator?.observations[0]).toMatchObject({ value: 61, outOf: 68, date: 'FY2019' });
    expect(indicator?.reported[0]).toMatchObject({ kind: 'achievementRate', value: 89.7, date: 'FY2019' });
  });

  it('reads cover figures into rank values dated by the words under them', () => {
    const { plan } = parseNewsletter(
      ['25位 812 市区中', '', '住みよさランキング 2023', '', '01', '', '環境'].join('\n'),
      options,
    );
    const cover = plan.nodes[0]?.indicators[0];
    expect([
      cover?.unit,
      cover?.direction,
      cover?.observations[0]?.value,
      cover?.observations[0]?.rankOf,
      cover?.observations[0]?.date,
    ]).toEqual(['位', 'rank', 25, 812, '2023']);
  });

  it('warns instead of guessing when no pillar and no issue date are found', () => {
    const { plan, warnings } = parseNewsletter('ただの文章です。', options);
    expect(plan.nodes).toEqual([]);
    expect(warnings.join('\n')).toMatch(/発行日が見つかりません[\s\S]*柱が見つかりません/);
  });
});
