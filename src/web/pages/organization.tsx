/**
 * `/o/{団体コード or id}`: one organization's home in an instance that holds many, listing its plans; and
 * `/o/{…}/plans/{id}…`, `/o/{…}/nodes/{id}` leading to the plan's or node's page when it belongs to that
 * organization (a 404 otherwise), so a city's links stay within the city. The unscoped routes keep working.
 */
import { Hono } from 'hono';
import type { Organization } from '../../domain/model.ts';
import type { PlanHeader } from '../../store/read-store.ts';
import { DateText } from '../components/DateText.tsx';
import { Layout } from '../components/Layout.tsx';
import { notFound } from '../http-error.ts';
import {
  contentLang,
  type Lang,
  langOf,
  messagesOf,
  planHref,
  planKindLabels,
  termsHref,
} from '../i18n/index.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv, WebVariables } from '../web-env.ts';

const organizationPages = new Hono<WebEnv>();

/** The organization the `:organization` segment names (its id or 団体コード), or a 404 naming it. */
export async function organizationParam(c: {
  var: WebVariables;
  req: { param(name: string): string | undefined };
}) {
  const reference = c.req.param('organization') ?? '';
  // Found by a query: reading every organization to pick one cost the national site 7 ms of CPU per page.
  const found = await c.var.store.findOrganization(reference);
  if (!found) throw notFound('団体', 'organization', reference);
  return found;
}

const words = {
  ja: { plans: '計画', code: '全国地方公共団体コード', none: '公開されている計画はまだありません。' },
  en: { plans: 'Plans', code: 'Local government code', none: 'No plan is published yet.' },
} as const;

function PlanList({ plans, lang }: { plans: PlanHeader[]; lang: Lang }) {
  const t = messagesOf(lang);
  if (plans.length === 0) return <p>{words[lang].none}</p>;
  return (
    <ul class="cards">
      {plans.map((plan) => (
        <li class="card">
          <h3 lang={contentLang(lang)}>
            <a href={planHref(plan.id, lang)}>{plan.title}</a>
          </h3>
          <p class="meta">
            {planKindLabels[lang][plan.kind]}・{t.published} <DateText date={plan.publishedAt} />
          </p>
          <p>
            {t.period}: <DateText date={plan.periodStart} /> 〜 <DateText date={plan.periodEnd} />
          </p>
        </li>
      ))}
    </ul>
  );
}

function OrganizationHome(props: {
  organization: Organization;
  plans: PlanHeader[];
  lang: Lang;
  path: string;
}) {
  const { organization, plans, lang } = props;
  const t = messagesOf(lang);
  return (
    <Layout title={organization.name} lang={lang} path={props.path}>
      <h1 lang="ja">{organization.name}</h1>
      <p class="meta">
        {organization.prefecture ? `${organization.prefecture}・` : ''}
        {organization.municipalityCode
          ? `${words[lang].code} ${organization.municipalityCode}`
          : organization.id}
      </p>
      <section aria-labelledby="organization-plans">
        <h2 id="organization-plans">{words[lang].plans}</h2>
        <PlanList plans={plans} lang={lang} />
      </section>
      {plans.length > 1 ? (
        <p>
          <a href={termsHref(organization.id, lang)}>{t.termsLink}</a>
        </p>
      ) : null}
    </Layout>
  );
}

organizationPages.get('/:organization', async (c) => {
  onlyQueries(c, ['lang']);
  const lang = langOf(c);
  const organization = await organizationParam(c);
  const plans = (await c.var.store.listPlans(organization.id)).filter(
    (plan) => plan.organization.id === organization.id,
  );
  return c.html(<OrganizationHome organization={organization} plans={plans} lang={lang} path={c.req.path} />);
});

/** The unscoped URL of the same page, with its query: where a scoped URL leads once its organization is checked. */
function unscoped(url: string): string {
  const { pathname, search } = new URL(url);
  return `${pathname.replace(/^\/o\/[^/]+/, '')}${search}`;
}

// A plan's page and the pages under it (report, downloads) belong to the organization of the plan.
for (const pattern of ['/:organization/plans/:id', '/:organization/plans/:id/*']) {
  organizationPages.get(pattern, async (c) => {
    const organization = await organizationParam(c);
    const id = idParam(c);
    const plan = (await c.var.store.listPlans()).find((p) => p.id === id);
    if (!plan || plan.organization.id !== organization.id) throw notFound('計画', 'plan', id);
    return c.redirect(unscoped(c.req.url), 302);
  });
}

organizationPages.get('/:organization/nodes/:id', async (c) => {
  const organization = await organizationParam(c);
  const id = idParam(c);
  const found = await c.var.store.getNode(id);
  if (!found || found.plan.organization.id !== organization.id) throw notFound('ノード', 'node', id);
  return c.redirect(unscoped(c.req.url), 302);
});

export default organizationPages;
