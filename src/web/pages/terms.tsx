/**
 * `/organizations/{id}/terms`: the plans of an organization side by side in the order they follow one another,
 * promises (policies with their status) against results (values and achievements), carried-on items linked.
 */
import { Hono } from 'hono';
import { type LaterStatus, summarizePlan } from '../../domain/figures/index.ts';
import type { PlanNode, StatusDefinition } from '../../domain/model.ts';
import { nodesOf } from '../../domain/plan-tree.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import type { ReadStore } from '../../store/read-store.ts';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { DateText } from '../components/DateText.tsx';
import { EvidenceContext } from '../components/evidence/evidence-context.ts';
import { IndicatorSummary } from '../components/IndicatorSummary.tsx';
import { Layout } from '../components/Layout.tsx';
import { NodeStatus } from '../components/progress/NodeStatus.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { SummaryBlock } from '../components/SummaryBlock.tsx';
import { notFound } from '../http-error.ts';
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
  useLang,
  useMessages,
} from '../i18n/index.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { loadEvidence } from './evidence.ts';
import { continuedByIndex, followsChain } from './plan-chain.ts';

const terms = new Hono<WebEnv>();

type FullPlan = NonNullable<Awaited<ReturnType<ReadStore['getPlan']>>>;

interface TermContext {
  titles: Map<string, string>;
  continuedBy: Map<string, string[]>;
  later: ReadonlyMap<string, LaterStatus>;
}

/** Links to the same item in the other columns, so a reader can follow one promise through the terms. */
function CarryLinks({ label, ids, context }: { label: string; ids: string[]; context: TermContext }) {
  if (ids.length === 0) return null;
  return (
    <p class="carry">
      {label}:{' '}
      {ids.map((id, k) => (
        <>
          {k > 0 ? '、' : ''}
          <a href={`#t-${id}`}>{context.titles.get(id) ?? id}</a>
        </>
      ))}
    </p>
  );
}

function TermNode(props: { node: PlanNode; vocabulary: readonly StatusDefinition[]; context: TermContext }) {
  const { node, vocabulary, context } = props;
  const t = useMessages();
  const lang = useLang();
  return (
    <li id={`t-${node.id}`}>
      <p class="node-title">
        <NodeStatus vocabulary={vocabulary} node={node} />
        <a href={nodeHref(node.id, lang)} lang={contentLang(lang)}>
          {codedTitle(node)}
        </a>
      </p>
      <IndicatorSummary indicators={node.indicators} />
      {node.achievements.length > 0 ? (
        <ul class="term-achievements" lang={contentLang(lang)}>
          {node.achievements.map((a) => (
            <li>
              <SourceLink source={a.source}>{a.title}</SourceLink>
            </li>
          ))}
        </ul>
      ) : null}
      <CarryLinks label={t.continuesFrom} ids={node.continues} context={context} />
      <CarryLinks label={t.continuedIn} ids={context.continuedBy.get(node.id) ?? []} context={context} />
    </li>
  );
}

function TermColumn({ plan, context }: { plan: FullPlan; context: TermContext }) {
  const t = useMessages();
  const lang = useLang();
  const vocabulary = statusVocabularyOf(plan);
  return (
    <section class="term" aria-labelledby={`term-${plan.id}`}>
      <h2 id={`term-${plan.id}`} lang={contentLang(lang)}>
        <a href={planHref(plan.id, lang)}>{plan.title}</a>
      </h2>
      <p class="meta">
        {planKindLabels[lang][plan.kind]}・{t.period} <DateText date={plan.periodStart} /> 〜{' '}
        <DateText date={plan.periodEnd} />
      </p>
      <SummaryBlock summary={summarizePlan(plan, context.later)} planStart={plan.periodStart} />
      {plan.nodes.map((pillar) => (
        <section aria-labelledby={`term-node-${pillar.id}`} id={`t-${pillar.id}`}>
          <h3 id={`term-node-${pillar.id}`} lang={contentLang(lang)}>
            <a href={nodeHref(pillar.id, lang)}>{codedTitle(pillar)}</a>
          </h3>
          <CarryLinks label={t.continuesFrom} ids={pillar.continues} context={context} />
          <ul class="node-list">
            {pillar.children.map((node) => (
              <TermNode node={node} vocabulary={vocabulary} context={context} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

function titlesOf(plans: readonly FullPlan[]): Map<string, string> {
  return new Map(plans.flatMap((p) => nodesOf(p.nodes)).map((n) => [n.id, codedTitle(n)]));
}

terms.get('/:id/terms', async (c) => {
  onlyQueries(c, ['lang']);
  const lang = langOf(c);
  const t = messagesOf(lang);
  const id = idParam(c);
  const { store } = c.var;
  const organization = (await store.listOrganizations(id)).find((o) => o.id === id);
  if (!organization) throw notFound('団体', 'organization', id);
  const headers = (await store.listPlans(id)).filter((p) => p.organization.id === id);
  const loaded = await Promise.all(headers.map((h) => store.getPlan(h.id)));
  const plans = followsChain(loaded.filter((p): p is FullPlan => p !== undefined));
  const evidence = await loadEvidence(store, id, plans);
  const context = {
    titles: titlesOf(plans),
    continuedBy: continuedByIndex(plans.map((p) => p.nodes)),
    later: evidence.later,
  };
  const title = `${organization.name}: ${t.terms}`;
  return c.html(
    <Layout title={title} lang={lang} path={pagePath(c)} stylesheets={plans.map((p) => planStatusCss(p.id))}>
      <Breadcrumb items={[{ href: localHref('/', lang), label: t.home }]} current={t.terms} />
      <h1>{title}</h1>
      <p class="lead">{t.termsLead}</p>
      <EvidenceContext.Provider value={evidence}>
        <div class={`terms terms-${Math.min(plans.length, 3)}`}>
          {plans.map((plan) => (
            <TermColumn plan={plan} context={context} />
          ))}
        </div>
      </EvidenceContext.Provider>
    </Layout>,
  );
});

export default terms;
