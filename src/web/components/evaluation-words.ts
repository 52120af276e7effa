/**
 * The words an organization evaluates in, for pages: its 今後の方向性 and 観点 labels in the page language, falling
 * back to the code for a word it never defined (so a mistyped code shows rather than vanishes).
 */
import { nextStepsOf, viewpointsOf } from '../../domain/evaluation-vocabulary.ts';
import type { NextStepDefinition, Organization } from '../../domain/model.ts';
import type { ReadStore } from '../../store/read-store.ts';
import type { Lang } from '../i18n/index.ts';

export interface EvaluationWords {
  /** The organization's 今後の方向性 in its order. */
  nextSteps: readonly NextStepDefinition[];
  nextStepLabel(code: string, lang: Lang): string;
  viewpointLabel(code: string, lang: Lang): string;
}

type Vocabularies = Pick<Organization, 'evaluationViewpoints' | 'nextStepVocabulary'>;

/** @example evaluationWords({ nextStepVocabulary: null, evaluationViewpoints: null }).nextStepLabel('improve', 'ja') // "改善" */
export function evaluationWords(org: Vocabularies): EvaluationWords {
  const label =
    (defs: readonly { code: string; label: string; labelEn: string }[]) => (code: string, lang: Lang) => {
      const def = defs.find((d) => d.code === code);
      if (!def) return code;
      return lang === 'en' ? def.labelEn : def.label;
    };
  return {
    nextSteps: nextStepsOf(org),
    nextStepLabel: label(nextStepsOf(org)),
    viewpointLabel: label(viewpointsOf(org)),
  };
}

/** The words of a stored organization; the glossary's defaults when it is not found. */
export async function evaluationWordsOf(store: ReadStore, organizationId: string): Promise<EvaluationWords> {
  const org = (await store.listOrganizations(organizationId)).find((o) => o.id === organizationId);
  return evaluationWords(org ?? { nextStepVocabulary: null, evaluationViewpoints: null });
}
