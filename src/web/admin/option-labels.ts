/**
 * The words staff see for each code a select offers (完了 for done, 総合戦略 for strategy), Japanese first with
 * the code beside. The plan and node kinds and directions reuse the public pages' labels (src/web/i18n/labels.ts).
 */

import { qualifierWords } from '../../domain/japanese-number.ts';
import type { StatusDefinition } from '../../domain/model.ts';
import { defaultStatusVocabulary, findStatus } from '../../domain/status.ts';
import { directionLabels, nodeKindLabels, planKindLabels } from '../i18n/labels.ts';

/** Japanese words by code. */
export type OptionLabels = Readonly<Record<string, string>>;

export const planKindWords: OptionLabels = planKindLabels.ja;
export const nodeKindWords: OptionLabels = nodeKindLabels.ja;
export const directionWords: OptionLabels = directionLabels.ja;
export const indicatorKindWords: OptionLabels = {
  outcome: '成果指標',
  output: '活動指標',
  target: '対象指標',
};
export const achievementFormulaWords: OptionLabels = {
  ratio_to_target: '目標値に対する割合',
  progress_from_baseline: '基準値からの進み具合',
  cagr: '年平均成長率',
};
export const valueQualifierWords: OptionLabels = qualifierWords;
export const evaluatorKindWords: OptionLabels = {
  self: '自己評価',
  internal: '内部評価',
  external: '外部評価',
  citizen: '市民評価',
};
export const nextStepWords: OptionLabels = {
  expand: '拡充',
  continue: '継続',
  improve: '改善',
  reduce: '縮小',
  abolish: '廃止',
  complete: '完了',
};
export const evaluationStageWords: OptionLabels = {
  first: '一次評価',
  second: '二次評価',
  external: '外部評価',
  final: '最終判断',
};
export const valueRoleWords: OptionLabels = { observation: '実績値', baseline: '基準値', target: '目標値' };
export const dateBasisWords: OptionLabels = { event: '実施日', reported: '報告日' };

/** A plan's status words by code, from its vocabulary or the default one. */
export function statusWords(vocabulary: readonly StatusDefinition[] = defaultStatusVocabulary): OptionLabels {
  return Object.fromEntries(vocabulary.map((status) => [status.code, status.label]));
}

/**
 * What an option shows: "完了 (done)"; a code without words shows as it is.
 * @example optionText('done', statusWords()) // "完了 (done)"
 */
export function optionText(code: string, words: OptionLabels | undefined): string {
  const word = words?.[code];
  return word ? `${word} (${code})` : code;
}

/** A node's status for staff: its word in the vocabulary, or 未評価 when unset. */
export function statusText(code: string | null, vocabulary: readonly StatusDefinition[]): string {
  const status = findStatus(vocabulary, code);
  return optionText(status.code, { [status.code]: status.label });
}
