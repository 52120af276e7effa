/** The pieces of the printable report: footnote marks, boxed highlights, pillar sections, the footnote list. */
import type { FiguresPlan } from '../../domain/figures/index.ts';
import type { Achievement, Indicator, PlanNode, StatusDefinition } from '../../domain/model.ts';
import { latestObservation, nodesOf } from '../../domain/plan-tree.ts';
import { DateText } from '../components/DateText.tsx';
import { CitedDocument } from '../components/evidence/CitedDocument.tsx';
import { Ja } from '../components/Ja.tsx';
import { pointText } from '../components/PointValue.tsx';
import { NodeStatus } from '../components/progress/NodeStatus.tsx';
import { sourceHref } from '../components/SourceLink.tsx';
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
      {figure?.kind === 'reported' ? (
        <p class="highlight-figure highlight-printed" lang={ja}>
          <span class="reported">{t.reported}</span>「{figure.text}」
          <Cite notes={notes} source={figure.source} />
        </p>
      ) : figure ? (
        <p class="highlight-figure" lang={ja}>
          <span class="figure-kind">{figureLabels[lang][figure.figure]}</span>
          {figure.text}
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
            {policy.title} <NodeStatus vocabulary={vocabulary} node={policy} />
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

const listWords = {
  ja: { documents: '出典資料', document: (n: number) => `資料${n}`, joint: '・', gap: '' },
  en: { documents: 'Source documents', document: (n: number) => `Document ${n}`, joint: ', ', gap: ' ' },
} as const;

/**
 * One footnote per quote, short: the words quoted and where they stand (「資料1・89行目」, linked to the line).
 * The documents' titles, publishers and kinds come once, in the source list after the notes.
 */
export function FootnoteList({ notes }: { notes: Footnotes }) {
  const t = useMessages();
  const lang = useLang();
  const w = listWords[lang];
  return (
    <section class="footnotes" aria-labelledby="footnotes">
      <h2 id="footnotes">{t.footnotes}</h2>
      <ol class="footnote-list">
        {notes.all().map(({ n, source, documentNumber }) => (
          <li id={`fn-${n}`}>
            {source.quote ? (
              <span class="footnote-quote" lang={contentLang(lang)}>
                「{source.quote}」
              </span>
            ) : null}
            {source.quote ? w.gap : ''}
            <span class="meta">
              <a href={sourceHref(source, lang)}>
                {w.document(documentNumber)}
                {source.line !== undefined ? `${w.joint}${t.lineNumber(source.line)}` : ''}
              </a>
            </span>
          </li>
        ))}
      </ol>
      <h3 id="source-documents">{w.documents}</h3>
      <ol class="source-documents">
        {notes.documents().map((id, k) => (
          <li id={`doc-${k + 1}`}>
            {w.document(k + 1)}: <CitedDocument documentId={id} />
          </li>
        ))}
      </ol>
    </section>
  );
}
