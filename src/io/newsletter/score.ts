/**
 * Precision and recall of a parsed draft against hand-made plans: policies and achievements matched by
 * normalised text, figures by value, unit and date. Ids are never compared.
 */
import type { Plan } from '../../domain/model.ts';
import { nodesOf } from '../../domain/plan-tree.ts';

export interface PrecisionRecall {
  precision: number;
  recall: number;
  /** Matched, parsed and expected counts, so a table can show what the rates are made of. */
  matched: number;
  parsed: number;
  expected: number;
  /**
   * Expected items the parser found as another kind (a 2024 programme read as a ・ bullet): they count for recall,
   * not for precision.
   */
  foundElsewhere: number;
}

export interface NewsletterScore {
  policies: PrecisionRecall;
  achievements: PrecisionRecall;
  figures: PrecisionRecall;
}

/**
 * NFKC, without spaces, punctuation and symbols: OCR spacing and ・/· or (/（ differences do not count.
 * @example normalizeForMatch('「区と行政の関係に 関する規則」の施行') // "区と行政の関係に関する規則の施行"
 */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

interface TextItems {
  policies: string[];
  achievements: string[];
}

/**
 * The hand-made demo models a results bullet as a policy carrying one achievement of the same words: that bullet
 * is one item, found when the parser made it a policy, a program or an achievement.
 */
function textItems(plans: Plan[]): TextItems & { bullets: Set<string> } {
  const nodes = plans.flatMap((plan) => nodesOf(plan.nodes));
  const achievements = nodes.flatMap((n) => n.achievements.map((a) => normalizeForMatch(a.title)));
  const bullets = new Set(
    nodes
      .filter(
        (n) =>
          n.kind !== 'pillar' &&
          n.achievements.some((a) => normalizeForMatch(a.title) === normalizeForMatch(n.title)),
      )
      .map((n) => normalizeForMatch(n.title)),
  );
  return {
    policies: nodes.filter((n) => n.kind !== 'pillar').map((n) => normalizeForMatch(n.title)),
    achievements,
    bullets,
  };
}

/** Multiset matching: each expected item is found at most once. */
function rates(
  parsed: string[],
  expected: string[],
  alsoFound: (key: string) => boolean = () => false,
): PrecisionRecall {
  const left = new Map<string, number>();
  for (const e of expected) left.set(e, (left.get(e) ?? 0) + 1);
  let matched = 0;
  for (const p of parsed) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      left.set(p, n - 1);
      matched++;
    }
  }
  const foundElsewhere = [...left.entries()].reduce(
    (sum, [k, n]) => sum + (n > 0 && alsoFound(k) ? n : 0),
    0,
  );
  return {
    precision: parsed.length === 0 ? 0 : matched / parsed.length,
    recall: expected.length === 0 ? 1 : (matched + foundElsewhere) / expected.length,
    matched,
    parsed: parsed.length,
    expected: expected.length,
    foundElsewhere,
  };
}

function figureKeys(plans: Plan[]): string[] {
  return plans
    .flatMap((plan) => nodesOf(plan.nodes))
    .flatMap((n) =>
      n.indicators.flatMap((i) => [
        ...[i.baseline, i.target, ...i.observations]
          .filter((v) => v !== null)
          .map((v) => `${v.value}|${i.unit}|${v.date}`),
        ...i.reported.map((r) => `${r.value}|${r.unit}|${r.date}`),
      ]),
    );
}

/**
 * Scores a parsed draft against the plans made by hand from the same document.
 * @example scoreAgainstDemo(parsed, [mirai2016]).policies.recall // 1 when every ● policy was found
 */
export function scoreAgainstDemo(parsed: Plan, expected: Plan[]): NewsletterScore {
  const want = textItems(expected);
  const got = textItems([parsed]);
  const gotAny = new Set([...got.policies, ...got.achievements]);
  const isBulletFound = (key: string) => want.bullets.has(key) && gotAny.has(key);
  return {
    policies: rates(got.policies, want.policies, isBulletFound),
    achievements: rates(got.achievements, want.achievements, isBulletFound),
    figures: rates(figureKeys([parsed]), figureKeys(expected)),
  };
}
