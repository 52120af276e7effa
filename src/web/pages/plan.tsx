/** `/plans/{id}`: a plan's statements (基本姿勢 …) and its pillars with their policies. */
import { Hono } from 'hono';
import type { PlanNode, PlanStatement, StatusDefinition } from '../../domain/model.ts';
import { statementKinds } from '../../domain/model.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { DateText } from '../components/DateText.tsx';
import { IndicatorSummary } from '../components/IndicatorSummary.tsx';
import { Layout } from '../components/Layout.tsx';
import { NodeList } from '../components/NodeList.tsx';
import { SourceLink } from '../components/SourceLink.tsx';
import { notFound } from '../http-error.ts';
import { idParam } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { codedTitle, nodeHref, planKindLabels, planStatusCss, statementKindLabels } from './labels.ts';

const plan = new Hono<WebEnv>();

function Statements({ statements }: { statements: PlanStatement[] }) {
  return statementKinds.map((kind) => {
    const ofKind = statements.filter((s) => s.kind === kind);
    if (ofKind.length === 0) return null;
    return (
      <section aria-labelledby={`statements-${kind}`}>
        <h2 id={`statements-${kind}`}>{statementKindLabels[kind]}</h2>
        <ul>
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

function Pillar({ pillar, vocabulary }: { pillar: PlanNode; vocabulary: readonly StatusDefinition[] }) {
  return (
    <section class="pillar" aria-labelledby={`node-${pillar.id}`}>
      <h2 id={`node-${pillar.id}`}>
        <a href={nodeHref(pillar.id)}>{codedTitle(pillar)}</a>
      </h2>
      {pillar.slogan ? <p class="pillar-slogan">{pillar.slogan}</p> : null}
      {pillar.visionPhrase ? <p class="lead">{pillar.visionPhrase}</p> : null}
      <IndicatorSummary indicators={pillar.indicators} />
      <NodeList nodes={pillar.children} vocabulary={vocabulary} />
    </section>
  );
}

plan.get('/:id', async (c) => {
  const id = idParam(c);
  const found = await c.var.store.getPlan(id);
  if (!found) throw notFound('計画', 'plan', id);
  const vocabulary = statusVocabularyOf(found);
  return c.html(
    <Layout title={found.title} stylesheets={[planStatusCss(found.id)]}>
      <Breadcrumb items={[{ href: '/', label: 'ホーム' }]} current={found.title} />
      <h1>{found.title}</h1>
      {found.subtitle ? <p class="lead">{found.subtitle}</p> : null}
      <p class="meta">
        {found.organization.name}・{planKindLabels[found.kind]}・公表 <DateText date={found.publishedAt} />・
        <SourceLink source={found.source} />
      </p>
      <p>
        期間: <DateText date={found.periodStart} /> 〜 <DateText date={found.periodEnd} />
      </p>
      {found.summary ? <p>{found.summary}</p> : null}
      <Statements statements={found.statements} />
      {found.nodes.map((pillar) => (
        <Pillar pillar={pillar} vocabulary={vocabulary} />
      ))}
    </Layout>,
  );
});

export default plan;
