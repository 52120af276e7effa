/** `/`: the organizations, their plans, and the headline figures. */
import { Hono } from 'hono';
import type { Organization } from '../../domain/model.ts';
import type { PlanHeader } from '../../store/read-store.ts';
import { DateText } from '../components/DateText.tsx';
import { HeadlineFigure } from '../components/HeadlineFigure.tsx';
import { Layout } from '../components/Layout.tsx';
import { indicatorsOf } from '../plan-tree.ts';
import type { WebEnv } from '../web-env.ts';
import { planHref, planKindLabels } from './labels.ts';

const home = new Hono<WebEnv>();

function PlanCard({ plan }: { plan: PlanHeader }) {
  return (
    <li class="card">
      <h3>
        <a href={planHref(plan.id)}>{plan.title}</a>
      </h3>
      <p class="meta">
        {planKindLabels[plan.kind]}・公表 <DateText date={plan.publishedAt} />
      </p>
      <p>
        期間: <DateText date={plan.periodStart} /> 〜 <DateText date={plan.periodEnd} />
      </p>
      {plan.summary ? <p>{plan.summary}</p> : null}
    </li>
  );
}

home.get('/', async (c) => {
  const { store } = c.var;
  const [organizations, plans] = await Promise.all([store.listOrganizations(), store.listPlans()]);
  const trees = await Promise.all(plans.map((plan) => store.getPlan(plan.id)));
  const headlines = trees.flatMap((plan) =>
    plan ? indicatorsOf(plan.nodes).filter(({ indicator }) => indicator.highlight) : [],
  );
  const plansOf = (organization: Organization) => plans.filter((p) => p.organization.id === organization.id);
  const title = organizations.map((o) => o.name).join('・') || '見える化';
  return c.html(
    <Layout title={title}>
      <h1>{title}の約束と実績</h1>
      <p class="lead">計画に掲げた約束と、その実績を、根拠となる資料とともに公開しています。</p>
      {headlines.length > 0 ? (
        <section aria-labelledby="headlines">
          <h2 id="headlines">主な数値</h2>
          <ul class="headlines">
            {headlines.map(({ node, indicator }) => (
              <HeadlineFigure indicator={indicator} node={node} />
            ))}
          </ul>
        </section>
      ) : null}
      {organizations.map((organization) => (
        <section aria-labelledby={`org-${organization.id}`}>
          <h2 id={`org-${organization.id}`}>
            {organization.name}の計画
            {organization.municipalityCode ? (
              <span class="meta">（団体コード {organization.municipalityCode}）</span>
            ) : null}
          </h2>
          <ul class="cards">
            {plansOf(organization).map((plan) => (
              <PlanCard plan={plan} />
            ))}
          </ul>
        </section>
      ))}
    </Layout>,
  );
});

export default home;
