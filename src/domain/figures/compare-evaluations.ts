/**
 * Evaluations of one item side by side: one row per fiscal year, one entry per evaluator, each on its own scale
 * and, where the scale allows, on a common 0–100 line, with the gap to the mayor's own view and who disagrees.
 */
import type { Evaluation } from '../model.ts';
import { normalizeEvaluation } from './evaluation-scale.ts';
import { roundTo } from './number-text.ts';

export interface EvaluationEntry {
  evaluation: Evaluation;
  /** 0–100, or null when the scale has no known order. */
  normalizedScore: number | null;
  normalizedRule: string | null;
  /** Normalised score minus the self-evaluation's, when both exist. */
  differenceFromSelf: number | null;
}

export interface EvaluationRow {
  fiscalYear: number | null;
  entries: EvaluationEntry[];
  /** Highest minus lowest normalised score among the entries that have one. */
  spread: number | null;
  disagree: boolean;
  /** Names of the evaluators at the two ends when they disagree. */
  disagreeing: string[];
  rule: string;
}

export interface CompareOptions {
  /** Spread on the 0–100 line from which evaluators count as disagreeing; 25 is most of one A–D step. */
  disagreementPoints?: number;
}

function rowOf(fiscalYear: number | null, evaluations: Evaluation[], threshold: number): EvaluationRow {
  const base = evaluations.map((e) => ({ e, n: normalizeEvaluation(e) }));
  const self = base.find((b) => b.e.evaluatorKind === 'self' && b.n)?.n?.value ?? null;
  const entries: EvaluationEntry[] = base.map(({ e, n }) => ({
    evaluation: e,
    normalizedScore: n ? roundTo(n.value, 1) : null,
    normalizedRule: n?.rule ?? null,
    differenceFromSelf: n && self !== null && e.evaluatorKind !== 'self' ? roundTo(n.value - self, 1) : null,
  }));
  const scored = entries.filter((x) => x.normalizedScore !== null);
  const values = scored.map((x) => x.normalizedScore as number);
  const spread = values.length > 1 ? roundTo(Math.max(...values) - Math.min(...values), 1) : null;
  const sameScaleClash = evaluations.some((a) =>
    evaluations.some(
      (b) =>
        a.evaluatorName !== b.evaluatorName &&
        a.scale === b.scale &&
        a.grade !== null &&
        b.grade !== null &&
        a.grade !== b.grade,
    ),
  );
  const disagree = (spread !== null && spread >= threshold) || sameScaleClash;
  const ends = disagree ? endsOf(scored, evaluations) : [];
  return {
    fiscalYear,
    entries,
    spread,
    disagree,
    disagreeing: ends,
    rule: `各評価を0〜100に換算し、差が${threshold}点以上、または同じ尺度で評価が異なるとき「見解の相違」とする`,
  };
}

function endsOf(scored: EvaluationEntry[], all: Evaluation[]): string[] {
  if (scored.length < 2) return [...new Set(all.map((e) => e.evaluatorName))];
  const sorted = [...scored].sort((a, b) => (a.normalizedScore ?? 0) - (b.normalizedScore ?? 0));
  const low = sorted[0]?.normalizedScore;
  const high = sorted.at(-1)?.normalizedScore;
  const names = scored
    .filter((x) => x.normalizedScore === low || x.normalizedScore === high)
    .map((x) => x.evaluation.evaluatorName);
  return [...new Set(names)];
}

/**
 * Rows per fiscal year (oldest first, undated last), evaluators side by side.
 * @example compareEvaluations([self FY2019 A, committee FY2019 60/100]) // [{ fiscalYear: 2019, spread: 40, disagree: true, … }]
 */
export function compareEvaluations(
  evaluations: readonly Evaluation[],
  options: CompareOptions = {},
): EvaluationRow[] {
  const threshold = options.disagreementPoints ?? 25;
  const years = [...new Set(evaluations.map((e) => e.fiscalYear))].sort(
    (a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY),
  );
  return years.map((y) =>
    rowOf(
      y,
      evaluations.filter((e) => e.fiscalYear === y),
      threshold,
    ),
  );
}
