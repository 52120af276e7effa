import { describe, expect, it } from 'vitest';
import { plan } from '../../../test/helpers/figure-fixtures.ts';
import { planRatingScaleSchema } from '../model.ts';
import { gradesOf, isBaselineRelative } from './rating-scale.ts';

describe('a plan’s rating scale', () => {
  it('still parses a threshold table written without a kind', () => {
    const p = plan({ ratingScale: { name: 'A-D', grades: [{ grade: 'A', min: 1 }], below: { grade: 'B' } } });
    expect(p.ratingScale && isBaselineRelative(p.ratingScale)).toBe(false);
    expect(p.ratingScale && gradesOf(p.ratingScale)).toEqual(['A', 'B']);
  });

  it('parses baseline-relative rules, with ±10% as the default tolerance', () => {
    const scale = planRatingScaleSchema.parse({
      kind: 'baseline_relative',
      name: '基準値比較',
      rules: [
        { when: 'reached_target', grade: 'a' },
        { when: 'near_baseline', grade: 'c' },
      ],
    });
    expect(isBaselineRelative(scale)).toBe(true);
    expect(scale).toMatchObject({ rules: [{ tolerance: 0.1 }, { tolerance: 0.1 }] });
  });

  it('refuses an unknown condition', () => {
    const bad = { kind: 'baseline_relative', name: 'x', rules: [{ when: 'sometimes', grade: 'a' }] };
    expect(planRatingScaleSchema.safeParse(bad).success).toBe(false);
  });
});
