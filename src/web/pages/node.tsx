/** `/nodes/{id}`: one pillar, policy or program with its indicators, achievements, children and links. */
import { Hono } from 'hono';
import { statusVocabularyOf } from '../../domain/status.ts';
import type { NodeContext } from '../../store/read-store.ts';
import { AchievementList } from '../components/AchievementList.tsx';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { DateText } from '../components/DateText.tsx';
import { IndicatorTable, ObservationTable } from '../components/IndicatorTable.tsx';
import { Layout } from '../components/Layout.tsx';
import { NodeLinks } from '../components/NodeLinks.tsx';
import { NodeList } from '../components/NodeList.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { notFound } from '../http-error.ts';
import { idParam } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { codedTitle, nodeHref, nodeKindLabels, planHref, planStatusCss } from './labels.ts';

const node = new Hono<WebEnv>();

function Summary({ context }: { context: NodeContext }) {
  const { node: current, plan } = context;
  return (
    <>
      <p>
        <StatusBadge vocabulary={statusVocabularyOf(plan)} status={current.status} />
        {current.statusDate !== null ? (
          <span class="meta">
            <DateText date={current.statusDate} />{' '}
          </span>
        ) : null}
        {current.statusSource ? <SourceLink source={current.statusSource}>状況の根拠</SourceLink> : null}
      </p>
      {current.slogan ? <p class="pillar-slogan">{current.slogan}</p> : null}
      {current.visionPhrase ? <p class="lead">{current.visionPhrase}</p> : null}
      {current.description ? <p>{current.description}</p> : null}
      {current.source ? (
        <p class="meta">
          <SourceLink source={current.source}>掲載箇所</SourceLink>
        </p>
      ) : null}
    </>
  );
}

function Indicators({ context }: { context: NodeContext }) {
  const { indicators } = context.node;
  if (indicators.length === 0) return null;
  return (
    <section aria-labelledby="indicators">
      <h2 id="indicators">指標</h2>
      <IndicatorTable indicators={indicators} />
      {indicators.map((indicator) => (
        <ObservationTable indicator={indicator} />
      ))}
    </section>
  );
}

function Section({
  id,
  title,
  shown,
  children,
}: {
  id: string;
  title: string;
  shown: boolean;
  children: unknown;
}) {
  if (!shown) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

node.get('/:id', async (c) => {
  const id = idParam(c);
  const context = await c.var.store.getNode(id);
  if (!context) throw notFound('ノード', 'node', id);
  const { node: current, plan, ancestors, continues, continuedBy } = context;
  const title = codedTitle(current);
  return c.html(
    <Layout title={`${title}（${plan.title}）`} stylesheets={[planStatusCss(plan.id)]}>
      <Breadcrumb
        items={[
          { href: '/', label: 'ホーム' },
          { href: planHref(plan.id), label: plan.title },
          ...ancestors.map((a) => ({ href: nodeHref(a.id), label: codedTitle(a) })),
        ]}
        current={title}
      />
      <p class="meta">{nodeKindLabels[current.kind]}</p>
      <h1>{title}</h1>
      <Summary context={context} />
      <Indicators context={context} />
      <Section id="achievements" title="取り組み実績" shown={current.achievements.length > 0}>
        <AchievementList achievements={current.achievements} />
      </Section>
      <Section id="children" title="この項目の施策・事業" shown={current.children.length > 0}>
        <NodeList nodes={current.children} vocabulary={statusVocabularyOf(plan)} />
      </Section>
      <Section id="continues" title="引き継いだ前の計画の項目" shown={continues.length > 0}>
        <NodeLinks links={continues} />
      </Section>
      <Section id="continued-by" title="引き継いだ後の計画の項目" shown={continuedBy.length > 0}>
        <NodeLinks links={continuedBy} />
      </Section>
    </Layout>,
  );
});

export default node;
