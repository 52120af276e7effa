/** `/plans/{id}`: a plan's statements, its rollup, and its pillars with their policies, filterable by URL. */
import { Hono } from 'hono';
import { type Summary, summarizeNode, summarizePlan } from '../../domain/figures/index.ts';
import type { Indicator, PlanNode, PlanStatement, StatusDefinition } from '../../domain/model.ts';
import { statementKinds } from '../../domain/model.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { DateText } from '../components/DateText.tsx';
import { evaluationWordsOf } from '../components/evaluation-words.ts';
import { EvidenceContext } from '../components/evidence/evidence-context.ts';
import { FoldedNodeList, foldsBelow } from '../components/FoldedNodeList.tsx';
import { IndicatorBlock } from '../components/IndicatorBlock.tsx';
import { IndicatorTable } from '../components/IndicatorTable.tsx';
import { Layout } from '../components/Layout.tsx';
import { LocalContent } from '../components/LocalContent.tsx';
import { NodeList } from '../components/NodeList.tsx';
import { PlanDownloads } from '../components/PlanDownloads.tsx';
import { PlanEvaluations, showsEvaluations } from '../components/PlanEvaluations.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { SummaryBlock } from '../components/SummaryBlock.tsx';
import { notFound } from '../http-error.ts';
import { localText, localTitle } from '../i18n/content.ts';
import {
  codedTitle,
  contentLang,
  langOf,
  localHref,
  messagesOf,
  nodeHref,
  pagePath,
  planHref,
  planKindLabels,
  planStatusCss,
  reportHref,
  statementKindLabels,
  termsHref,
  useLang,
  useMessages,
} from '../i18n/index.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { loadPlanEvidence } from './evidence.ts';
import { FilterForm } from './FilterForm.tsx';
import { indicatorsInFull } from './indicator-pages.tsx';
import { turnsEvery } from './next-turn.ts';
import { applyPlanFilter, countBelowPillars, readPlanFilter } from './plan-filter.ts';

const plan = new Hono<WebEnv>();

type FullPlan = NonNullable<Awaited<ReturnType<ReadStore['getPlan']>>>;

function Statements({ statements }: { statements: PlanStatement[] }) {
  const lang = useLang();
  return statementKinds.map((kind) => {
    const ofKind = statements.filter((s) => s.kind === kind);
    if (ofKind.length === 0) return null;
    return (
      <section aria-labelledby={`statements-${kind}`}>
        <h2 id={`statements-${kind}`}>{statementKindLabels[lang][kind]}</h2>
        <ul lang={contentLang(lang)}>
          {ofKind.map((statement) => (
            <li>
              <SourceLink source={statement.source}>{codedTitle(statement)}</SourceLink>
              {statement.body ? <p>{statement.body}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    );
  });
}

interface PillarProps {
  pillar: PlanNode;
  /** The unfiltered pillar's rollup, so it does not change with the filter. */
  summary: Summary;
  plan: FullPlan;
  vocabulary: readonly StatusDefinition[];
  /** Indicators with every observation, for those the page charts. */
  series: ReadonlyMap<string, Indicator>;
}

/** The pillar's own indicators: charted when few, else the first few in a table with a link to them all. */
function PillarIndicators({ pillar, plan, series }: Pick<PillarProps, 'pillar' | 'plan' | 'series'>) {
  const t = useMessages();
  const lang = useLang();
  if (pillar.indicators.length <= indicatorsInFull) {
    return pillar.indicators.map((indicator) => (
      <IndicatorBlock indicator={series.get(indicator.id) ?? indicator} plan={plan} />
    ));
  }
  return (
    <>
      <IndicatorTable indicators={pillar.indicators.slice(0, indicatorsInFull)} />
      <p>
        {t.indicatorsFolded(indicatorsInFull, pillar.indicators.length)}{' '}
        <a href={nodeHref(pillar.id, lang)} lang={contentLang(lang)}>
          {codedTitle(pillar)}
        </a>
      </p>
    </>
  );
}

function Pillar({ pillar, summary, plan, vocabulary, series }: PillarProps) {
  const lang = useLang();
  return (
    <section class="pillar" aria-labelledby={`node-${pillar.id}`}>
      <h2 id={`node-${pillar.id}`}>
        <a href={nodeHref(pillar.id, lang)}>
          <LocalContent local={localTitle(pillar, lang)} />
        </a>
      </h2>
      {pillar.slogan ? (
        <p class="pillar-slogan" lang={contentLang(lang)}>
          {pillar.slogan}
        </p>
      ) : null}
      {pillar.visionPhrase ? (
        <p class="lead" lang={contentLang(lang)}>
          {pillar.visionPhrase}
        </p>
      ) : null}
      <SummaryBlock summary={summary} planStart={plan.periodStart} />
      <PillarIndicators pillar={pillar} plan={plan} series={series} />
      {foldsBelow(pillar) ? (
        <FoldedNodeList pillar={pillar} vocabulary={vocabulary} />
      ) : (
        <NodeList nodes={pillar.children} vocabulary={vocabulary} />
      )}
    </section>
  );
}

function PlanHeading({ plan: found }: { plan: FullPlan }) {
  const t = useMessages();
  const lang = useLang();
  return (
    <>
      <h1>
        <LocalContent local={localTitle({ title: found.title, titleEn: found.titleEn }, lang)} mark />
      </h1>
      {found.subtitle ? (
        <p class="lead" lang={contentLang(lang)}>
          {found.subtitle}
        </p>
      ) : null}
      <p class="meta">
        <LocalContent local={localText(found.organization.name, found.organization.nameEn, lang)} />・
        {planKindLabels[lang][found.kind]}・{t.published} <DateText date={found.publishedAt} />・
        <SourceLink source={found.source} />
      </p>
      <p>
        {t.period}: <DateText date={found.periodStart} /> 〜 <DateText date={found.periodEnd} />
      </p>
      {found.summary ? <p lang={contentLang(lang)}>{found.summary}</p> : null}
      <ul class="plan-links">
        <li>
          <a href={termsHref(found.organization.id, lang)}>{t.termsLink}</a>
        </li>
        <li>
          <a href={reportHref(found.id, lang)}>{t.report}</a>
        </li>
      </ul>
    </>
  );
}

plan.get('/:id', async (c) => {
  onlyQueries(c, ['status', 'pillar', 'lang']);
  const lang = langOf(c);
  const t = messagesOf(lang);
  const id = idParam(c);
  // No 事務事業評価 sheet is shown here: they are on their node's page.
  const found = await c.var.store.getPlan(id, { observations: 'figures', withoutSheets: true });
  if (!found) throw notFound('計画', 'plan', id);
  c.set('cacheScope', found.organization.id);
  const vocabulary = statusVocabularyOf(found);
  const filter = readPlanFilter(c, vocabulary, found.nodes);
  const shown = applyPlanFilter(found.nodes, vocabulary, filter);
  const charted = shown.flatMap((p) => (p.indicators.length <= indicatorsInFull ? p.indicators : []));
  const filtered = filter.status !== undefined || filter.pillar !== undefined;
  // One round of reads after the plan's: under load each round waits its turn for a connection again.
  const [indicators, evidence, words] = await Promise.all([
    c.var.store.getIndicators(
      found.id,
      charted.map((i) => i.id),
    ),
    loadPlanEvidence(c.var.store, found),
    showsEvaluations(found) ? evaluationWordsOf(c.var.store, found.organization.id) : undefined,
  ]);
  const series = new Map(indicators.map((f) => [f.indicator.id, f.indicator]));
  // Rolled up before rendering, a pillar at a time, giving the event loop a turn whenever 10 ms of it have run: the
  // rates of every indicator are the page's heaviest work. The plan's rollup then finds each indicator already rated.
  const turn = turnsEvery(10);
  const pillarSummaries = new Map<string, Summary>();
  for (const pillar of shown) {
    const whole = found.nodes.find((p) => p.id === pillar.id) ?? pillar;
    pillarSummaries.set(pillar.id, summarizeNode(whole, found, evidence.later));
    await turn();
  }
  const planSummary = found.nodes.length > 0 ? summarizePlan(found, evidence.later) : undefined;
  await turn();
  return c.html(
    <Layout
      title={localTitle({ title: found.title, titleEn: found.titleEn }, lang).text}
      lang={lang}
      path={pagePath(c)}
      stylesheets={[planStatusCss(found.id)]}
      description={found.summary ?? found.subtitle}
      shareImage={`/share/plans/${encodeURIComponent(found.id)}.png${lang === 'en' ? '?lang=en' : ''}`}
      feed={`/plans/${encodeURIComponent(found.id)}/feed.atom`}
    >
      <EvidenceContext.Provider value={evidence}>
        <Breadcrumb
          items={[{ href: localHref('/', lang), label: t.home }]}
          current={localTitle({ title: found.title, titleEn: found.titleEn }, lang).text}
        />
        <PlanHeading plan={found} />
        {/* A record of published rollups alone (枚方市's review) has no tree to count or filter. */}
        {planSummary ? <SummaryBlock summary={planSummary} planStart={found.periodStart} /> : null}
        <Statements statements={found.statements} />
        {found.nodes.length > 0 ? (
          <FilterForm
            action={planHref(found.id)}
            vocabulary={vocabulary}
            pillars={found.nodes}
            filter={filter}
          />
        ) : null}
        {filtered ? (
          <p role="status">
            {shown.length === 0
              ? t.filterNone
              : t.filterShowing(countBelowPillars(shown), countBelowPillars(found.nodes))}
          </p>
        ) : null}
        {shown.map((pillar) => (
          <Pillar
            pillar={pillar}
            summary={pillarSummaries.get(pillar.id) as Summary}
            plan={found}
            vocabulary={vocabulary}
            series={series}
          />
        ))}
        {words ? <PlanEvaluations plan={found} words={words} /> : null}
        <PlanDownloads planId={found.id} />
      </EvidenceContext.Provider>
    </Layout>,
  );
});

export default plan;
