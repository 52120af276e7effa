/**
 * Putting evaluations on one 0–100 line so evaluators on different scales can be set side by side:
 * a point score by its maximum; a grade by its place on an ordered scale (best = 100, worst = 0, evenly spaced).
 */
import type { Evaluation } from '../model.ts';

/** Grade orders, best first, for scales named by their extremes or by their symbols. */
const namedScales: Record<string, readonly string[]> = {
  'S-D': ['S', 'A', 'B', 'C', 'D'],
  '◎○△×': ['◎', '○', '△', '×'],
  '◎○△': ['◎', '○', '△'],
};

/** "A-D" → A B C D; "S-D" and symbol scales from the table; other names give no order. */
export function gradeOrder(scale: string): readonly string[] | null {
  const named = namedScales[scale];
  if (named) return named;
  const range = /^([A-Z])-([A-Z])$/.exec(scale);
  if (range?.[1] && range[2]) {
    const [from, to] = [range[1].charCodeAt(0), range[2].charCodeAt(0)];
    if (from >= to) return null;
    return Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
  }
  return null;
}

export interface NormalizedScore {
  value: number;
  rule: string;
}

/**
 * The evaluation on a 0–100 line, or null when its scale has no order we know.
 * @example normalizeEvaluation({ scale: 'A-D', grade: 'B', … }) // { value: 66.7, … }
 */
export function normalizeEvaluation(e: Evaluation): NormalizedScore | null {
  if (e.score !== null && e.maxScore !== null && e.maxScore > 0) {
    const value = (e.score / e.maxScore) * 100;
    if (!Number.isFinite(value)) return null;
    return { value, rule: `得点 ÷ 満点 × 100（${e.score} ÷ ${e.maxScore}）` };
  }
  if (e.grade === null) return null;
  const order = gradeOrder(e.scale);
  const at = order ? order.indexOf(e.grade) : -1;
  if (!order || at < 0 || order.length < 2) return null;
  const value = ((order.length - 1 - at) / (order.length - 1)) * 100;
  return { value, rule: `${order.join('・')}を100から0まで等間隔に置いた位置（${e.grade}）` };
}
