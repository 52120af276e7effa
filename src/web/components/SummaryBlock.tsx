/** A rollup (summarizeNode / summarizePlan): status bar, implementation rate, grades and mean rate, with rules. */
import type { Summary } from '../../domain/figures/index.ts';
import { contentLang, useLang, useMessages } from '../i18n/index.ts';
import { Ja } from './Ja.tsx';
import { StatusBar } from './StatusBar.tsx';

export interface SummaryBlockProps {
  summary: Summary;
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

export function SummaryBlock({ summary }: SummaryBlockProps) {
  const t = useMessages();
  const _ja = contentLang(useLang());
  const rate = summary.status.implementationRate;
  return (
    <div class="summary-block">
      <StatusBar status={summary.status} />
      {rate.value !== null ? (
        <p>
          {t.implementationRate}: <strong class="figure-value">{rate.text}</strong>
          <span class="figure-rule">
            {t.rule}: <Ja>{rate.rule}</Ja>
          </span>
        </p>
      ) : null}
      <Rated summary={summary} />
    </div>
  );
}
