/**
 * The engine's count of next steps per fiscal year over a plan's evaluated programs and policies (改善 n, 廃止 n …,
 * 見直し n件, Σ 予算への反映), each program counted once by its deciding stage, with the rule in words.
 */
import { directionRollup, type EvaluatedItem } from '../../domain/figures/index.ts';
import type { PlanNode } from '../../domain/model.ts';
import { useLang, useMessages } from '../i18n/index.ts';
import { DateText } from './DateText.tsx';
import type { EvaluationWords } from './evaluation-words.ts';
import { Ja } from './Ja.tsx';
import { thousandYen } from './thousand-yen.ts';

export interface DirectionRollupsProps {
  nodes: readonly PlanNode[];
  words: EvaluationWords;
}

function evaluatedBelow(nodes: readonly PlanNode[]): EvaluatedItem[] {
  return nodes.flatMap((n) => [
    ...(n.kind !== 'pillar' && n.evaluations.length > 0 ? [{ id: n.id, evaluations: n.evaluations }] : []),
    ...evaluatedBelow(n.children),
  ]);
}

export function DirectionRollups({ nodes, words }: DirectionRollupsProps) {
  const lang = useLang();
  const t = useMessages();
  const items = evaluatedBelow(nodes);
  const years = [
    ...new Set(
      items.flatMap((i) => i.evaluations.map((e) => e.fiscalYear)).filter((y): y is number => y !== null),
    ),
  ].sort((a, b) => a - b);
  const rollups = years.map((y) => directionRollup(items, y, words.nextSteps)).filter((r) => r.decided > 0);
  if (rollups.length === 0) return null;
  const rule = (f: { rule: string; ruleEn?: string | undefined }) =>
    lang === 'en' && f.ruleEn ? f.ruleEn : f.rule;
  return (
    <section aria-labelledby="direction-rollup">
      <h3 id="direction-rollup">{t.directionRollupTitle}</h3>
      <p>{t.directionRollupLead}</p>
      <dl class="direction-rollup">
        {rollups.map((r) => (
          <div>
            <dt>
              <DateText date={`FY${r.fiscalYear}`} />
            </dt>
            <dd>
              {r.counts
                .filter((c) => c.count > 0)
                .map((c) => `${words.nextStepLabel(c.code, lang)} ${c.count}`)
                .join('・')}
              {r.unknown.map((u) => `・${u.code} ${u.count}`).join('')}
              {r.undecided > 0 ? `（${t.undecided(r.undecided)}）` : null}
              {r.review.value !== null ? (
                <div>
                  {t.reviewCount}: {r.review.text}
                  <span class="figure-rule">
                    {t.rule}: <Ja>{rule(r.review)}</Ja>
                  </span>
                </div>
              ) : null}
              {r.budgetEffect.value !== null ? (
                <div>
                  {t.budgetEffectSum}: {thousandYen(r.budgetEffect.value, lang)}
                  <span class="figure-rule">
                    {t.rule}: <Ja>{rule(r.budgetEffect)}</Ja>
                  </span>
                </div>
              ) : null}
              <span class="figure-rule">
                {t.howCounted}: <Ja>{rule(r)}</Ja>
              </span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
