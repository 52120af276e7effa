/** `/nodes/{id}`: one pillar, policy or program with its rollup, indicators, achievements, children and links. */
import { Hono } from 'hono';
import { comparisonKeyOf } from '../../domain/comparison/index.ts';
import { summarizeNode } from '../../domain/figures/index.ts';
import type { Indicator } from '../../domain/model.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import type { NodeContext, ReadStore } from '../../store/read-store.ts';
import { AchievementList } from '../components/AchievementList.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { DateText } from '../components/DateText.tsx';
import { EvaluationTable } from '../components/EvaluationTable.tsx';
import { evaluationWordsOf } from '../components/evaluation-words.ts';
import { EvidenceContext, useEvidence } from '../components/evidence/evidence-context.ts';
import { IndicatorBlock } from '../components/IndicatorBlock.tsx';
import { IndicatorTable } from '../components/IndicatorTable.tsx';
import { Layout } from '../components/Layout.tsx';
import { LocalContent } from '../components/LocalContent.tsx';
import { NodeLinks } from '../components/NodeLinks.tsx';
import { NodeList } from '../components/NodeList.tsx';
import { ProgramSheets } from '../components/ProgramSheets.tsx';
import { LaterStatusEvidence } from '../components/progress/LaterStatusEvidence.tsx';
import { NodeStatus } from '../components/progress/NodeStatus.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { SummaryBlock } from '../components/SummaryBlock.tsx';
import { notFound } from '../http-error.ts';
import { localTitle } from '../i18n/content.ts';
import {
  contentLang,
  type Lang,
  langOf,
  localHref,
  messagesOf,
  nodeHref,
  nodeKindLabels,
  pagePath,
  planHref,
  planStatusCss,
  useLang,
  useMessages,
} from '../i18n/index.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { loadNodeEvidence } from './evidence.ts';
import { type IndicatorPage, IndicatorPager, indicatorPageOf } from './indicator-pages.tsx';

const node = new Hono<WebEnv>();

function Summary({ context }: { context: NodeContext }) {
  const t = useMessages();
  const ja = contentLang(useLang());
  const { later } = useEvidence();
  const { node: current, plan } = context;
  return (
    <>
      <p>
        <NodeStatus vocabulary={statusVocabularyOf(plan)} node={current} />
        {current.statusDate !== null ? (
          <span class="meta">
            {' '}
            <DateText date={current.statusDate} />{' '}
          </span>
        ) : null}{' '}
        {current.statusSource ? (
          <SourceLink source={current.statusSource}>{t.statusSource}</SourceLink>
        ) : null}
      </p>
      <LaterStatusEvidence node={current} />
      {current.slogan ? (
        <p class="pillar-slogan" lang={ja}>
          {current.slogan}
        </p>
      ) : null}
      {current.visionPhrase ? (
        <p class="lead" lang={ja}>
          {current.visionPhrase}
        </p>
      ) : null}
      {current.description ? <p lang={ja}>{current.description}</p> : null}
      {current.source ? (
        <p class="meta">
          <SourceLink source={current.source}>{t.placeInSource}</SourceLink>
        </p>
      ) : null}
      {current.children.length > 0 ? (
        <SummaryBlock summary={summarizeNode(current, plan, later)} planStart={plan.periodStart} />
      ) : null}
    </>
  );
}

interface IndicatorsProps {
  context: NodeContext;
  /** The node's indicators, those of this page with every observation. */
  withSeries: Indicator[];
  at: IndicatorPage;
  /** Per comparison key, the other organizations reporting the definition. */
  comparable: ReadonlyMap<string, number>;
}

function Indicators({ context, withSeries, at, comparable }: IndicatorsProps) {
  const t = useMessages();
  const { indicators } = context.node;
  if (indicators.length === 0) return null;
  const href = (lang: Lang) => nodeHref(context.node.id, lang);
  return (
    <section aria-labelledby="indicators">
      <h2 id="indicators">{t.indicators}</h2>
      <IndicatorPager at={at} href={href} />
      {/* Paged, the table lists the page's indicators: a table of 500 rows is still a page that grows. */}
      <IndicatorTable indicators={at.pageCount === 1 ? indicators : indicators.slice(at.from, at.to)} />
      {withSeries.slice(at.from, at.to).map((indicator) => (
        <IndicatorBlock
          indicator={indicator}
          plan={context.plan}
          comparable={comparable.get(comparisonKeyOf(indicator))}
        />
      ))}
      <IndicatorPager at={at} href={href} />
    </section>
  );
}

/**
 * The node's indicators, with every observation for those this page charts and those its program sheets name (by
 * role or as the unit cost's divisor); the rest carry only what their figures read. Only the series are read again,
 * not the indicators.
 */
async function indicatorsWithSeries(store: ReadStore, context: NodeContext, at: IndicatorPage) {
  const { node: current, plan } = context;
  const charted = current.indicators.slice(at.from, at.to).map((i) => i.id);
  const onSheets = current.programSheets.flatMap((s) => [
    ...(s.unitCostIndicatorId ?? []),
    ...s.targetIndicatorIds,
    ...s.activityIndicatorIds,
    ...s.outcomeIndicatorIds,
  ]);
  // A sheet may name an indicator of another node: only the node's own are shown, so only theirs are read.
  const wanted = new Set([...charted, ...onSheets]);
  const ids = current.indicators.filter((i) => wanted.has(i.id)).map((i) => i.id);
  const series = await store.getObservations(plan.id, ids);
  return current.indicators.map((i) =>
    wanted.has(i.id) ? { ...i, observations: series.get(i.id) ?? [] } : i,
  );
}

function Section(props: { id: string; title: string; shown: boolean; children: unknown }) {
  if (!props.shown) return null;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

node.get('/:id', async (c) => {
  onlyQueries(c, ['lang', 'page']);
  const lang = langOf(c);
  const t = messagesOf(lang);
  const id = idParam(c);
  const context = await c.var.store.getNode(id, { observations: 'figures' });
  if (!context) throw notFound('ノード', 'node', id);
  const { node: current, plan, ancestors, continues, continuedBy } = context;
  const at = indicatorPageOf(c, current.indicators.length);
  // A key is the definition's (kind, unit, name), not its values: asked beside the series, not after them.
  const [withSeries, comparable, evidence, words] = await Promise.all([
    indicatorsWithSeries(c.var.store, context, at),
    c.var.store.comparableOrganizations(
      current.indicators.slice(at.from, at.to).map(comparisonKeyOf),
      plan.organization.id,
    ),
    loadNodeEvidence(c.var.store, context),
    // The organization's words name evaluations' next steps and viewpoints: read for a node that has some.
    current.evaluations.length > 0 ? evaluationWordsOf(c.var.store, plan.organization.id) : undefined,
  ]);
  // A count of other organizations changes with their writes: such a page is dropped by any organization's.
  if (![...comparable.values()].some((n) => n > 0)) c.set('cacheScope', plan.organization.id);
  const local = localTitle(current, lang);
  const title = local.text;
  const planTitle = localTitle({ title: plan.title, titleEn: plan.titleEn }, lang).text;
  return c.html(
    <Layout
      title={lang === 'en' ? `${title} (${planTitle})` : `${title}（${planTitle}）`}
      lang={lang}
      path={pagePath(c)}
      stylesheets={[planStatusCss(plan.id)]}
      description={current.description}
      shareImage={`/share/plans/${encodeURIComponent(plan.id)}.png${lang === 'en' ? '?lang=en' : ''}`}
      feed={`/plans/${encodeURIComponent(plan.id)}/feed.atom`}
    >
      <EvidenceContext.Provider value={evidence}>
        <Breadcrumb
          items={[
            { href: localHref('/', lang), label: t.home },
            { href: planHref(plan.id, lang), label: planTitle },
            ...ancestors.map((a) => ({ href: nodeHref(a.id, lang), label: localTitle(a, lang).text })),
          ]}
          current={title}
        />
        <p class="meta">{nodeKindLabels[lang][current.kind]}</p>
        <h1>
          <LocalContent local={local} mark />
        </h1>
        <Summary context={context} />
        <ProgramSheets node={{ ...current, indicators: withSeries }} />
        <Indicators context={context} withSeries={withSeries} at={at} comparable={comparable} />
        <Section id="evaluations" title={t.evaluations} shown={words !== undefined}>
          {words ? (
            <EvaluationTable
              id="evaluations-table"
              subject={title}
              evaluations={current.evaluations}
              words={words}
            />
          ) : null}
        </Section>
        <Section id="achievements" title={t.achievements} shown={current.achievements.length > 0}>
          <AchievementList achievements={current.achievements} />
        </Section>
        <Section id="children" title={t.children} shown={current.children.length > 0}>
          <NodeList nodes={current.children} vocabulary={statusVocabularyOf(plan)} />
        </Section>
        <Section id="continues" title={t.continues} shown={continues.length > 0}>
          <NodeLinks links={continues} />
        </Section>
        <Section id="continued-by" title={t.continuedBy} shown={continuedBy.length > 0}>
          <NodeLinks links={continuedBy} />
        </Section>
        {c.var.history ? (
          <p class="meta">
            <a href={`/history/node/${encodeURIComponent(current.id)}`}>{t.history}</a>
          </p>
        ) : null}
      </EvidenceContext.Provider>
    </Layout>,
  );
});

export default node;
