/**
 * What is known about a plan's or a node's progress, in this order: coverage (評価済み n / N, 未評価 apart), the
 * statuses with the achievements beside them, the implementation rate over the rated only (a headline only from
 * half rated on), the rule in words, and the documents every count comes from.
 */
import type { Summary } from '../../../domain/figures/index.ts';
import { parsePartialDate } from '../../../domain/partial-date.ts';
import { formatPartialDate } from '../../../domain/wareki.ts';
import { useLang } from '../../i18n/index.ts';
import { CitedDocument } from '../evidence/CitedDocument.tsx';
import { StatusBar } from '../StatusBar.tsx';
import { progressWords } from './progress-words.ts';

export interface ProgressSummaryProps {
  summary: Summary;
  /** The plan's first day (periodStart), so a plan not yet begun says so instead of showing bars. */
  planStart?: string;
  /** Today as yyyy-mm-dd; tests pass a fixed day. */
  today?: string;
}

function hasNotStarted(planStart: string | undefined, today: string): boolean {
  const start = planStart === undefined ? null : parsePartialDate(planStart);
  return start !== null && start.qualifier === null && start.start > today;
}

// Statuses that say the work is yet to begin; a plan with only these and no achievement has not started.
const notYetCodes = new Set(['planned', 'not_started']);

/** The label of the one not-yet status every rated node has, when nothing is done and nothing recorded. */
function allNotYet(summary: Summary, lang: 'ja' | 'en'): string | null {
  const s = summary.status;
  const used = s.counts.filter((c) => c.count > 0 && c.code !== 'unassessed');
  if (s.rated === 0 || s.done > 0 || summary.achievementCount > 0) return null;
  if (!used.every((c) => notYetCodes.has(c.code))) return null;
  return used
    .map((c) => (lang === 'en' ? `“${c.labelEn}”` : `「${c.label}」`))
    .join(lang === 'en' ? ' or ' : '・');
}

/** The words of the statuses that count as done: 「完了」, or 「◎・○」 in a plan of its own marks. */
function doneLabel(summary: Summary, lang: 'ja' | 'en'): string {
  const labels = summary.status.counts
    .filter((c) => c.countsAsDone)
    .map((c) => (lang === 'en' ? c.labelEn : c.label));
  return labels.join(lang === 'en' ? ' or ' : '・');
}

function Sources({ ids, label, none }: { ids: string[]; label: string; none: string }) {
  return (
    <li>
      {label}:{' '}
      {ids.length === 0
        ? none
        : ids.map((id, k) => (
            <>
              {k > 0 ? '、' : ''}
              <CitedDocument documentId={id} />
            </>
          ))}
    </li>
  );
}

export function ProgressSummary({ summary, planStart, today }: ProgressSummaryProps) {
  const lang = useLang();
  const w = progressWords[lang];
  const s = summary.status;
  const rate = s.implementationRate;
  const notStarted =
    s.rated === 0 && hasNotStarted(planStart, today ?? new Date().toISOString().slice(0, 10));
  const notYet = allNotYet(summary, lang);
  return (
    <div class="progress-summary">
      <p class="coverage">
        <strong class="figure-value">{w.coverage(s.rated, s.total)}</strong>
        {s.unassessed > 0 ? <span class="coverage-unassessed">（{w.unassessed(s.unassessed)}）</span> : null}
        <span class="coverage-done">
          {w.doneCount(doneLabel(summary, lang), s.done)}・{w.achievements} {summary.achievementCount}
          {w.items}
        </span>
      </p>
      {notStarted && planStart !== undefined ? (
        <p class="progress-note">{w.notStarted(formatPartialDate(planStart, lang))}</p>
      ) : notYet !== null ? (
        <p class="progress-note">{w.allNotYet(s.rated, notYet)}</p>
      ) : s.rated === 0 ? (
        <p class="progress-note">{w.nothingRated(s.total)}</p>
      ) : (
        <StatusBar status={s} />
      )}
      {rate.value === null || notYet !== null ? null : s.rateIsHeadline ? (
        <p>
          {w.rate}: <strong class="figure-value">{rate.text}</strong>
          {w.rateOver(s.done, s.rated)}
        </p>
      ) : (
        <p class="progress-note">{w.rateNotHeadline(rate.text, s.done, s.rated)}</p>
      )}
      <p class="figure-rule">
        {w.howCounted}: {lang === 'ja' ? s.rule : s.ruleEn}
      </p>
      <ul class="progress-sources meta">
        <Sources ids={summary.sourceDocuments.statuses} label={w.statusSources} none={w.noStatusSource} />
        <Sources
          ids={summary.sourceDocuments.achievements}
          label={w.achievementSources}
          none={w.noAchievement}
        />
      </ul>
    </div>
  );
}
