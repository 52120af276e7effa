/** `/`: each organization with its current plan and the progress of its pillars, headline figures, every plan. */
import { Hono } from 'hono';
import { summarizeNode } from '../../domain/figures/index.ts';
import type { Organization } from '../../domain/model.ts';
import { indicatorsOf } from '../../domain/plan-tree.ts';
import type { PlanHeader, ReadStore } from '../../store/read-store.ts';
import { DateText } from '../components/DateText.tsx';
import { EvidenceContext, useEvidence } from '../components/evidence/evidence-context.ts';
import { HeadlineFigure } from '../components/HeadlineFigure.tsx';
import { Ja } from '../components/Ja.tsx';
import { Layout } from '../components/Layout.tsx';
import { LocalContent } from '../components/LocalContent.tsx';
import { SummaryBlock } from '../components/SummaryBlock.tsx';
import { localText, localTitle } from '../i18n/content.ts';
import {
  codedTitle,
  contentLang,
  langOf,
  localHref,
  messagesOf,
  nodeHref,
  planHref,
  planKindLabels,
  planStatusCss,
  termsHref,
  useLang,
  useMessages,
} from '../i18n/index.ts';
import { intQuery, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { currentPlan } from './current-plan.ts';
import { loadAllEvidence } from './evidence.ts';
import { PageLinks } from './indicator-pages.tsx';

const home = new Hono<WebEnv>();

type FullPlan = NonNullable<Awaited<ReturnType<ReadStore['getPlan']>>>;

function PlanCard({ plan }: { plan: PlanHeader }) {
  const t = useMessages();
  const lang = useLang();
  return (
    <li class="card">
      <h3>
        <a href={planHref(plan.id, lang)}>
          <LocalContent local={localTitle({ title: plan.title, titleEn: plan.titleEn }, lang)} mark />
        </a>
      </h3>
      <p class="meta">
        {planKindLabels[lang][plan.kind]}・{t.published} <DateText date={plan.publishedAt} />
      </p>
      <p>
        {t.period}: <DateText date={plan.periodStart} /> 〜 <DateText date={plan.periodEnd} />
      </p>
      {plan.summary ? <p lang={contentLang(lang)}>{plan.summary}</p> : null}
    </li>
  );
}

function PillarProgress({ plan }: { plan: FullPlan }) {
  const { later } = useEvidence();
  const t = useMessages();
  const lang = useLang();
  return (
    <section aria-labelledby={`progress-${plan.id}`} class="current-plan">
      <h3 id={`progress-${plan.id}`}>
        {t.currentPlan}:{' '}
        <a href={planHref(plan.id, lang)}>
          <LocalContent local={localTitle({ title: plan.title, titleEn: plan.titleEn }, lang)} />
        </a>
      </h3>
      <h4>{t.pillarProgress}</h4>
      <ul class="pillar-progress">
        {plan.nodes.map((pillar) => (
          <li>
            <p class="node-title">
              <a href={nodeHref(pillar.id, lang)}>
                <LocalContent local={localTitle(pillar, lang)} />
              </a>
            </p>
            <SummaryBlock summary={summarizeNode(pillar, plan, later)} planStart={plan.periodStart} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function OrganizationSection(props: { organization: Organization; plans: PlanHeader[]; current?: FullPlan }) {
  const { organization, plans, current } = props;
  const t = useMessages();
  const lang = useLang();
  return (
    <section aria-labelledby={`org-${organization.id}`}>
      <h2 id={`org-${organization.id}`}>
        <LocalContent local={localText(organization.name, organization.nameEn, lang)} />
        {t.plansOf}
        {organization.municipalityCode ? (
          <span class="meta">
            （{t.municipalityCode} {organization.municipalityCode}）
          </span>
        ) : null}
      </h2>
      <p>
        <a href={termsHref(organization.id, lang)}>{t.termsLink}</a>
      </p>
      {current ? <PillarProgress plan={current} /> : null}
      <ul class="cards">
        {plans.map((plan) => (
          <PlanCard plan={plan} />
        ))}
      </ul>
    </section>
  );
}

/** Organizations whose progress the home page shows; beyond, a table of them, so the page stays one size. */
export const organizationsInFull = 10;

/** Rows of the organizations' table a page holds: about 16 KB of HTML, so the national home costs what a city's does. */
export const organizationsPerPage = 100;

interface OrganizationPage {
  /** 1-based. */
  page: number;
  pageCount: number;
  from: number;
  total: number;
}

/** 「1,741団体のうち101〜200団体目」 with links to the previous and next pages; nothing when one page holds all. */
function OrganizationPager({ at, shown }: { at: OrganizationPage; shown: number }) {
  const t = useMessages();
  return (
    <PageLinks
      label={t.organizationPages}
      status={t.organizationPage(at.from + 1, at.from + shown, at.total)}
      base={localHref('/', useLang())}
      page={at.page}
      pageCount={at.pageCount}
    />
  );
}

/** Many organizations: one row each (its current plan linked), read from plan headers alone, a page at a time. */
function OrganizationTable(props: {
  organizations: Organization[];
  at: OrganizationPage;
  plansOf: (o: Organization) => PlanHeader[];
}) {
  const t = useMessages();
  const lang = useLang();
  return (
    <section class="table-scroll" aria-labelledby="organizations" tabindex={0}>
      <h2 id="organizations">{t.organizationsFolded(props.at.total)}</h2>
      <OrganizationPager at={props.at} shown={props.organizations.length} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t.organizationColumn}</th>
            <th scope="col">{t.municipalityCode}</th>
            <th scope="col">{t.currentPlan}</th>
            <th scope="col">{t.planCountColumn}</th>
          </tr>
        </thead>
        <tbody>
          {props.organizations.map((organization) => {
            const plans = props.plansOf(organization);
            const current = currentPlan(plans);
            return (
              <tr>
                <th scope="row">
                  <Ja>{organization.name}</Ja>
                </th>
                <td>{organization.municipalityCode ?? '—'}</td>
                <td lang={contentLang(lang)}>
                  {current ? <a href={planHref(current.id, lang)}>{current.title}</a> : '—'}
                </td>
                <td>{plans.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <OrganizationPager at={props.at} shown={props.organizations.length} />
    </section>
  );
}

const plansByOrganization = (plans: readonly PlanHeader[]) => {
  const byOrganization = new Map<string, PlanHeader[]>();
  for (const plan of plans)
    byOrganization.set(plan.organization.id, [...(byOrganization.get(plan.organization.id) ?? []), plan]);
  return (organization: Organization) => byOrganization.get(organization.id) ?? [];
};

home.get('/', async (c) => {
  onlyQueries(c, ['lang', 'page']);
  const lang = langOf(c);
  const t = messagesOf(lang);
  const { store } = c.var;
  const total = await store.countOrganizations();
  const perPage = total > organizationsInFull ? organizationsPerPage : organizationsInFull;
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const page = intQuery(c, 'page', { min: 1, max: pageCount, fallback: 1 });
  if (total > organizationsInFull) {
    // Only this page's organizations and their plans are read: the national home (1,741 organizations, 3,482
    // plans) was 274 KB and read every plan header with its source on every render, then every organization.
    const at = { page, pageCount, from: (page - 1) * perPage, total };
    const shown = await store.listOrganizationsPage({ offset: at.from, limit: perPage });
    const plansOf = plansByOrganization(await store.listPlans(shown.map((o) => o.id)));
    return c.html(
      <Layout title={t.siteName} lang={lang} path={c.req.path}>
        <h1>{t.siteName}</h1>
        <p class="lead">{t.homeLead}</p>
        <OrganizationTable organizations={shown} at={at} plansOf={plansOf} />
      </Layout>,
    );
  }
  const [organizations, plans, withHeadlines] = await Promise.all([
    store.listOrganizations(),
    store.listPlans(),
    store.plansWithHeadlines(),
  ]);
  const plansOf = plansByOrganization(plans);
  const currentIds = new Set(organizations.flatMap((o) => currentPlan(plansOf(o))?.id ?? []));
  // Values only of the plans whose figures show (current plans, headlines), and of those only what figures read;
  // the other plans give their nodes' statuses (later statuses) and no value.
  const trees = (
    await Promise.all(
      plans.map((plan) =>
        store.getPlan(plan.id, {
          observations: currentIds.has(plan.id) || withHeadlines.includes(plan.id) ? 'figures' : 'none',
        }),
      ),
    )
  ).filter((p): p is FullPlan => p !== undefined);
  const headlines = trees.flatMap((plan) =>
    indicatorsOf(plan.nodes).filter(({ indicator }) => indicator.highlight),
  );
  const currentOf = (organization: Organization) =>
    trees.find((p) => currentIds.has(p.id) && p.organization.id === organization.id);
  const evidence = await loadAllEvidence(store, trees);
  const names = organizations.map((o) => localText(o.name, o.nameEn, lang));
  const name = names.map((n) => n.text).join(lang === 'en' ? ', ' : '・') || t.siteName;
  const nameIsJapanese = names.some((n) => n.japaneseOnly);
  const stylesheets = organizations.flatMap((o) => {
    const current = currentOf(o);
    return current ? [planStatusCss(current.id)] : [];
  });
  return c.html(
    <Layout title={name} lang={lang} path={c.req.path} stylesheets={stylesheets}>
      <EvidenceContext.Provider value={evidence}>
        <h1>
          {nameIsJapanese ? <span lang="ja">{name}</span> : name}
          {t.homeTitleSuffix}
        </h1>
        <p class="lead">{t.homeLead}</p>
        {headlines.length > 0 ? (
          <section aria-labelledby="headlines">
            <h2 id="headlines">{t.headlines}</h2>
            <ul class="headlines">
              {headlines.map(({ node, indicator }) => (
                <HeadlineFigure indicator={indicator} node={node} />
              ))}
            </ul>
          </section>
        ) : null}
        {organizations.map((organization) => (
          <OrganizationSection
            organization={organization}
            plans={plansOf(organization)}
            current={currentOf(organization)}
          />
        ))}
      </EvidenceContext.Provider>
    </Layout>,
  );
});

export default home;
