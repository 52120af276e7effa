import { describe, expect, it } from 'vitest';
import { planSchema } from '../../domain/model.ts';
import { scoreAgainstDemo } from './score.ts';
import { scoreSeeds } from './seed-accuracy.ts';

const source = { documentId: 'doc' };
const plan = (nodes: unknown[]) =>
  planSchema.parse({
    id: 'p',
    title: 't',
    kind: 'record',
    periodStart: '2020',
    periodEnd: '2020',
    publishedAt: '2020',
    source,
    nodes,
  });
const policy = (id: string, title: string, achievements: string[] = []) => ({
  id,
  kind: 'policy',
  title,
  achievements: achievements.map((a, i) => ({ id: `${id}.a${i}`, title: a, source })),
});

describe('scoreAgainstDemo', () => {
  it('matches text after NFKC and without spaces or punctuation, never by id', () => {
    const expected = plan([policy('x', '「区と行政の関係に関する規則」の施行'), policy('y', '郷土愛の醸成')]);
    const parsed = plan([policy('other', '区と行政の関係に 関する規則 の施行'), policy('z', '別の施策')]);
    expect(scoreAgainstDemo(parsed, [expected]).policies).toMatchObject({ precision: 0.5, recall: 0.5 });
  });

  it('counts a results bullet found when the parser made it an achievement instead of a policy', () => {
    const expected = plan([policy('x', '南城森の保育園を開園', ['南城森の保育園を開園'])]);
    const parsed = plan([
      {
        id: 'q',
        kind: 'pillar',
        title: '子育て',
        achievements: [{ id: 'q.a', title: '南城森の保育園を開園', source }],
      },
    ]);
    const score = scoreAgainstDemo(parsed, [expected]);
    expect([score.policies.recall, score.achievements.recall, score.achievements.precision]).toEqual([
      1, 1, 1,
    ]);
  });

  it('counts a figure only with the same value, unit and date', () => {
    const indicator = (date: string) => ({
      id: `i-${date.toLowerCase()}`,
      name: 'n',
      unit: '件',
      direction: 'increase',
      observations: [{ value: 140, date, source }],
    });
    const expected = plan([{ ...policy('x', 'a'), indicators: [indicator('FY2018')] }]);
    const parsed = plan([{ ...policy('x', 'a'), indicators: [indicator('FY2019')] }]);
    expect(scoreAgainstDemo(parsed, [expected]).figures.recall).toBe(0);
    expect(scoreAgainstDemo(expected, [expected]).figures.recall).toBe(1);
  });
});

describe('newsletter import on the two seeds (issue 6 targets)', () => {
  it('finds ≥ 90% of policies and achievements and ≥ 80% of figures on both seeds', async () => {
    for (const { documentId, score } of await scoreSeeds()) {
      expect(score.policies.recall, documentId).toBeGreaterThanOrEqual(0.9);
      expect(score.achievements.recall, documentId).toBeGreaterThanOrEqual(0.9);
      expect(score.figures.recall, documentId).toBeGreaterThanOrEqual(0.8);
    }
  });
});
