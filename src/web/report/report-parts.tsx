/** The pieces of the printable report: footnote marks, boxed highlights, pillar sections, the footnote list. */
import type { FiguresPlan } from '../../domain/figures/index.ts';
import type {
  Achievement,
  Indicator,
  PlanNode,
  SourceDocument,
  StatusDefinition,
} from '../../domain/model.ts';
import { latestObservation, nodesOf } from '../../domain/plan-tree.ts';
import { DateText } from '../components/DateText.tsx';
import { Ja } from '../components/Ja.tsx';
import { pointText } from '../components/PointValue.tsx';
import { sourceHref } from '../components/SourceLink.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { codedTitle, contentLang, figureLabels, useLang, useMessages } from '../i18n/index.ts';
import type { Footnotes } from './footnotes.ts';
import { highlightFigure } from './highlight.ts';

export function Cite({ notes, source }: { notes: Footnotes; source: Parameters<Footnotes['cite']>[0] }) {
  const n = notes.cite(source);
  return (
    <sup class="cite">
      <a href={`#fn-${n}`} aria-label={`${useMessages().source} ${n}`}>
        {n}
      </a>
    </sup>
  );
}

export function HighlightBox(props: { indicator: Indicator; plan: FiguresPlan; notes: Footnotes }) {
  const { indicator, plan, notes } = props;
  const t = useMessages();
  const lang = useLang();
  const ja = contentLang(lang);
  const figure = highlightFigure(indicator, plan);
  const latest = latestObservation(indicator);
  return (
    <div class="highlight-box">
      <p class="highlight-name" lang={ja}>
        {indicator.name}
      </p>
      {figure ? (
        <p class="highlight-figure" lang={ja}>
          {figure.kind === 'reported' ? (
            <span class="reported">{t.reported}</span>
          ) : (
            <span class="figure-kind">{figureLabels[lang][figure.figure]}</span>
          )}
          {figure.text}
          {figure.kind === 'reported' ? <Cite notes={notes} source={figure.source} /> : null}
        </p>
      ) : null}
      {figure?.kind === 'reported' ? (
        <p class="meta" lang={ja}>
          「{figure.printed}」
        </p>
      ) : null}
      {latest ? (
        <p lang={ja}>
          {pointText(latest, indicator.unit)}
          {latest.date ? (
            <>
              （<DateText date={latest.date} />）
            </>
          ) : null}
          <Cite notes={notes} source={latest.source} />
        </p>
      ) : null}
      {figure?.kind === 'derived' ? (
        <p class="figure-rule">
          {t.rule}: <Ja>{figure.rule}</Ja>
        </p>
      ) : null}
    </div>
  );
}

function AchievementItems({ achievements, notes }: { achievements: Achievement[]; notes: Footnotes }) {
  return achievements.map((a) => (
    <li>
      {a.title}
      {a.date ? (
        <span class="meta">
          （<DateText date={a.date} />）
        </span>
      ) : null}
      <Cite notes={notes} source={a.source} />
    </li>
  ));
}

export interface ReportPillarProps {
  pillar: PlanNode;
  plan: FiguresPlan;
  vocabulary: readonly StatusDefinition[];
  notes: Footnotes;
}

export function ReportPillar({ pillar, plan, vocabulary, notes }: ReportPillarProps) {
  const t = useMessages();
  const ja = contentLang(useLang());
  const nodes = nodesOf([pillar]);
  const indicators = nodes.flatMap((n) => n.indicators);
  const achievements = nodes.flatMap((n) => n.achievements);
  return (
    <section class="report-pillar" aria-labelledby={`r-${pillar.id}`}>
      <h2 id={`r-${pillar.id}`} lang={ja}>
        {codedTitle(pillar)}
        {pillar.slogan ? <span class="pillar-slogan">「{pillar.slogan}」</span> : null}
      </h2>
      {pillar.visionPhrase ? (
        <p class="lead" lang={ja}>
          {pillar.visionPhrase}
        </p>
      ) : null}
      <ul class="bullets" lang={ja}>
        {pillar.children.map((policy) => (
          <li>
            {policy.title} <StatusBadge vocabulary={vocabulary} status={policy.status} />
            {policy.source ? <Cite notes={notes} source={policy.source} /> : null}
          </li>
        ))}
      </ul>
      {indicators.length > 0 ? (
        <div class="highlight-grid">
          {indicators.map((indicator) => (
            <HighlightBox indicator={indicator} plan={plan} notes={notes} />
          ))}
        </div>
      ) : null}
      {achievements.length > 0 ? (
        <>
          <h3>{t.achievements}</h3>
          <ul class="achievement-list" lang={ja}>
            <AchievementItems achievements={achievements} notes={notes} />
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function FootnoteList({ notes, documents }: { notes: Footnotes; documents: SourceDocument[] }) {
  const t = useMessages();
  const lang = useLang();
  const titleOf = (id: string) => documents.find((d) => d.id === id)?.title ?? id;
  return (
    <section class="footnotes" aria-labelledby="footnotes">
      <h2 id="footnotes">{t.footnotes}</h2>
      <ol>
        {notes.all().map(({ n, source }) => (
          <li id={`fn-${n}`} lang={contentLang(lang)}>
            <a href={sourceHref(source, lang)}>
              {titleOf(source.documentId)}
              {source.line !== undefined ? ` ${t.lineNumber(source.line)}` : ''}
            </a>
            {source.quote ? <span class="meta"> 「{source.quote}」</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
