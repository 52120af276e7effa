/**
 * Evaluations of one subject (a plan or a node) side by side: a row per fiscal year, a column per kind of evaluator,
 * each evaluation on its own scale and unit as recorded, with its next step and its source.
 */

import type { Child } from 'hono/jsx';
import { compareEvaluations, type EvaluationEntry } from '../../domain/figures/index.ts';
import type { Evaluation, SourceRef } from '../../domain/model.ts';
import { contentLang, evaluatorKindLabels, nextStepLabels, useLang, useMessages } from '../i18n/index.ts';
import { DateText } from './DateText.tsx';
import { Ja } from './Ja.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface EvaluationTableProps {
  /** Unique on the page: the table's caption id is made from it. */
  id: string;
  subject: string;
  evaluations: readonly Evaluation[];
  /** How a source is shown: a link by default; the report gives a footnote mark. */
  cite?: (source: SourceRef) => Child;
}

const linkTo = (source: SourceRef) => <SourceLink source={source} />;

const kindOrder: Evaluation['evaluatorKind'][] = ['self', 'internal', 'external', 'citizen'];

/** The value as recorded: "B（A-D）", "72.5 / 100（100点）", never converted. */
export function evaluationValueText(e: Evaluation): string {
  const scale = `（${e.scale}）`;
  if (e.grade !== null) return `${e.grade}${scale}`;
  if (e.score !== null) return `${e.score}${e.maxScore !== null ? ` / ${e.maxScore}` : ''}${scale}`;
  return e.scale;
}

interface EntryCellProps {
  entries: EvaluationEntry[];
  label: string;
  cite: (source: SourceRef) => Child;
}

function EntryCell({ entries, label, cite }: EntryCellProps) {
  const lang = useLang();
  const t = useMessages();
  if (entries.length === 0)
    return (
      <td data-label={label}>
        <span class="meta">—</span>
      </td>
    );
  return (
    <td data-label={label}>
      {entries.map(({ evaluation: e }) => (
        <div class="evaluation-entry" id={`evaluation-${e.id}`}>
          <strong lang={contentLang(lang)}>{evaluationValueText(e)}</strong>{' '}
          <span class="meta">
            <Ja>{e.evaluatorName}</Ja>
            {e.evaluatedAt !== null ? (
              <>
                {' '}
                <DateText date={e.evaluatedAt} />
              </>
            ) : null}
          </span>
          {e.nextStep !== null ? (
            <div>
              {t.nextStep}: {nextStepLabels[lang][e.nextStep]}
            </div>
          ) : null}
          {e.comment ? <p lang={contentLang(lang)}>{e.comment}</p> : null}
          <div>{cite(e.source)}</div>
        </div>
      ))}
    </td>
  );
}

export function EvaluationTable({ id, subject, evaluations, cite = linkTo }: EvaluationTableProps) {
  const lang = useLang();
  const t = useMessages();
  if (evaluations.length === 0) return null;
  const kinds = kindOrder.filter((k) => evaluations.some((e) => e.evaluatorKind === k));
  const rows = compareEvaluations(evaluations);
  return (
    <section class="table-scroll" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table class="evaluation-table">
        <caption id={`${id}-caption`} lang={contentLang(lang)}>
          {t.evaluationsCaption(subject)}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t.fiscalYearColumn}</th>
            {kinds.map((k) => (
              <th scope="col">{evaluatorKindLabels[lang][k]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <DateText date={row.fiscalYear === null ? null : `FY${row.fiscalYear}`} />
                {row.disagree ? (
                  <p class="evaluation-disagree">
                    <Ja>{t.evaluationDisagree(row.disagreeing.join('・'))}</Ja>
                    {row.spread !== null ? <span class="meta"> {t.evaluationSpread(row.spread)}</span> : null}
                  </p>
                ) : null}
              </th>
              {kinds.map((k) => (
                <EntryCell
                  cite={cite}
                  label={evaluatorKindLabels[lang][k]}
                  entries={row.entries.filter((x) => x.evaluation.evaluatorKind === k)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
