/** A rollup (summarizeNode / summarizePlan): progress (coverage, statuses, rate, sources), grades and mean rate, with rules. */
import type { Summary } from '../../domain/figures/index.ts';
import { contentLang, useLang, useMessages } from '../i18n/index.ts';
import { ProgressSummary } from './progress/ProgressSummary.tsx';

export interface SummaryBlockProps {
  summary: Summary;
  /** The plan's periodStart, so a plan not yet begun says so. */
  planStart?: string;
}

function Rated({ summary }: SummaryBlockProps) {
  const t = useMessages();
  const ja = contentLang(useLang());
  const { ratingDistribution: d, meanAchievementRate: mean } = summary;
  if (d.rated === 0) return null;
  return (
    <>
      <p>
        {t.ratingDistribution}:{' '}
        {d.grades.map((g) => `${g.grade} ${g.count}（${g.percent.toFixed(1)}%）`).join('・')}
      </p>
      {mean.value !== null ? (
        <p>
          {t.meanAchievementRate}: <strong>{mean.text}</strong>
        </p>
      ) : null}
      <p class="meta" lang={ja}>
        {d.rule}
      </p>
    </>
  );
}

export function SummaryBlock({ summary, planStart }: SummaryBlockProps) {
  return (
    <div class="summary-block">
      <ProgressSummary summary={summary} {...(planStart === undefined ? {} : { planStart })} />
      <Rated summary={summary} />
    </div>
  );
}
