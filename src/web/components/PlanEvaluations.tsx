/**
 * A plan's 「行政評価」: every evaluation of the plan itself and of each pillar, evaluators side by side, each on its
 * own scale. Shown on the plan page and in the report; absent when nothing is evaluated.
 */
import type { Child } from 'hono/jsx';
import type { Evaluation, PlanNode, SourceRef } from '../../domain/model.ts';
import { codedTitle, contentLang, useLang, useMessages } from '../i18n/index.ts';
import { DirectionRollups } from './DirectionRollups.tsx';
import { EvaluationTable } from './EvaluationTable.tsx';
import type { EvaluationWords } from './evaluation-words.ts';
import { PublishedRollups, type RollupFigure } from './PublishedRollups.tsx';

export interface PlanEvaluationsProps {
  plan: {
    id: string;
    title: string;
    evaluations?: readonly Evaluation[];
    nodes: readonly PlanNode[];
    /** Published rollups of the evaluation: counts of next steps, budget effect, 実施率 … */
    reported?: readonly RollupFigure[] | undefined;
  };
  words: EvaluationWords;
  /** Passed to each table: the report cites sources as footnotes. */
  cite?: (source: SourceRef) => Child;
}

interface Subject {
  id: string;
  title: string;
  evaluations: readonly Evaluation[];
}

/** The plan first, then its pillars in order; subjects without an evaluation are left out. */
export function evaluationSubjects(plan: PlanEvaluationsProps['plan'], planLabel: string): Subject[] {
  const subjects: Subject[] = [
    { id: `plan-${plan.id}`, title: planLabel, evaluations: plan.evaluations ?? [] },
    ...plan.nodes.map((pillar) => ({
      id: `node-${pillar.id}`,
      title: codedTitle(pillar),
      evaluations: pillar.evaluations,
    })),
  ];
  return subjects.filter((s) => s.evaluations.length > 0);
}

const evaluatedBelow = (nodes: readonly PlanNode[]): boolean =>
  nodes.some((n) => n.evaluations.length > 0 || evaluatedBelow(n.children));

/** Whether PlanEvaluations shows anything: a page need not read the organization's evaluation words otherwise. */
export function showsEvaluations(plan: PlanEvaluationsProps['plan']): boolean {
  return (
    (plan.evaluations ?? []).length > 0 || (plan.reported ?? []).length > 0 || evaluatedBelow(plan.nodes)
  );
}

export function PlanEvaluations({ plan, words, cite }: PlanEvaluationsProps) {
  const t = useMessages();
  const lang = useLang();
  if (!showsEvaluations(plan)) return null;
  const subjects = evaluationSubjects(plan, `${plan.title}（${t.planAsWhole}）`);
  const rollups = plan.reported ?? [];
  return (
    <section class="plan-evaluations" aria-labelledby="administrative-evaluation">
      <h2 id="administrative-evaluation">{t.administrativeEvaluation}</h2>
      <p>{t.evaluationLead}</p>
      {subjects.map((s) => (
        <section aria-labelledby={`evaluations-${s.id}`}>
          <h3 id={`evaluations-${s.id}`} lang={contentLang(lang)}>
            {s.title}
          </h3>
          <EvaluationTable
            id={`evaluations-table-${s.id}`}
            subject={s.title}
            evaluations={s.evaluations}
            words={words}
            {...(cite ? { cite } : {})}
          />
        </section>
      ))}
      <DirectionRollups nodes={plan.nodes} words={words} />
      <PublishedRollups figures={rollups} {...(cite ? { cite } : {})} />
    </section>
  );
}
