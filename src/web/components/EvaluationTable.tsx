/**
 * Evaluations of one subject (a plan or a node) side by side: a row per fiscal year, a column per stage of the
 * yearly cycle (一次評価 → 最終判断) or, outside the cycle, per kind of evaluator; each evaluation on its own scale
 * and unit as recorded, with its next step in the organization's own words, its budget effect and its source.
 */
import type { Child } from 'hono/jsx';
import { compareEvaluations, type EvaluationEntry } from '../../domain/figures/index.ts';
import type { Evaluation, SourceRef } from '../../domain/model.ts';
import {
  budgetEffectLabels,
  contentLang,
  evaluationColumnLabels,
  useLang,
  useMessages,
} from '../i18n/index.ts';
import { DateText } from './DateText.tsx';
import type { EvaluationWords } from './evaluation-words.ts';
import { Ja } from './Ja.tsx';
import { SourceLink } from './SourceLink.tsx';
import { thousandYen } from './thousand-yen.ts';

export interface EvaluationTableProps {
  /** Unique on the page: the table's caption id is made from it. */
  id: string;
  subject: string;
  evaluations: readonly Evaluation[];
  /** The organization's 今後の方向性 and 観点. */
  words: EvaluationWords;
  /** How a source is shown: a link by default; the report gives a footnote mark. */
  cite?: (source: SourceRef) => Child;
}

type Column = keyof (typeof evaluationColumnLabels)['ja'];

// The cycle in its order, with the evaluators outside it beside the stage they resemble.
const columnOrder: Column[] = ['first', 'self', 'second', 'internal', 'external', 'citizen', 'final'];

const columnOf = (e: Evaluation): Column => e.stage ?? e.evaluatorKind;

const linkTo = (source: SourceRef) => <SourceLink source={source} />;

/** The value as recorded: "B（A-D）", "72.5点 / 100点（100点満点）", never converted. */
export function evaluationValueText(e: Evaluation): string {
  const scale = `（${e.scale}）`;
  const unit = e.scoreUnit ?? '';
  if (e.grade !== null) return `${e.grade}${scale}`;
  if (e.score !== null)
    return `${e.score}${unit}${e.maxScore !== null ? ` / ${e.maxScore}${unit}` : ''}${scale}`;
  return e.scale;
}

function BudgetEffect({ effect }: { effect: NonNullable<Evaluation['budgetEffect']> }) {
  const lang = useLang();
  const t = useMessages();
  const amount = effect.text ?? (effect.amount === null ? null : thousandYen(effect.amount, lang));
  return (
    <div>
      {t.budgetEffect}: {budgetEffectLabels[lang][effect.direction]}
      {amount !== null ? <Ja> {amount}</Ja> : null}
    </div>
  );
}

function Entry({ e, words, cite }: { e: Evaluation; words: EvaluationWords; cite: EntryCellProps['cite'] }) {
  const lang = useLang();
  const t = useMessages();
  const viewpoints = (e.viewpoints ?? []).filter((v) => v.grade !== null);
  return (
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
      {viewpoints.length > 0 ? (
        <div>
          {t.viewpoints}:{' '}
          {viewpoints.map((v, i) => (
            <>
              {i > 0 ? '・' : ''}
              {words.viewpointLabel(v.viewpoint, lang)} <Ja>{v.grade ?? ''}</Ja>
            </>
          ))}
        </div>
      ) : null}
      {e.nextStep !== null ? (
        <div>
          {t.nextStep}: <strong>{words.nextStepLabel(e.nextStep, lang)}</strong>
        </div>
      ) : null}
      {e.budgetEffect ? <BudgetEffect effect={e.budgetEffect} /> : null}
      {e.comment ? (
        <p class="evaluation-comment" lang={contentLang(lang)}>
          {e.comment}
        </p>
      ) : null}
      <div>{cite(e.source)}</div>
    </div>
  );
}

interface EntryCellProps {
  entries: EvaluationEntry[];
  label: string;
  words: EvaluationWords;
  cite: (source: SourceRef) => Child;
}

function EntryCell({ entries, label, words, cite }: EntryCellProps) {
  if (entries.length === 0) {
    return (
      <td data-label={label}>
        <span class="meta">—</span>
      </td>
    );
  }
  return (
    <td data-label={label}>
      {entries.map(({ evaluation }) => (
        <Entry e={evaluation} words={words} cite={cite} />
      ))}
    </td>
  );
}

export function EvaluationTable({ id, subject, evaluations, words, cite = linkTo }: EvaluationTableProps) {
  const lang = useLang();
  const t = useMessages();
  if (evaluations.length === 0) return null;
  const columns = columnOrder.filter((c) => evaluations.some((e) => columnOf(e) === c));
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
            {columns.map((c) => (
              <th scope="col">{evaluationColumnLabels[lang][c]}</th>
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
              {columns.map((c) => (
                <EntryCell
                  cite={cite}
                  words={words}
                  label={evaluationColumnLabels[lang][c]}
                  entries={row.entries.filter((x) => columnOf(x.evaluation) === c)}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
