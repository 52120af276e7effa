/**
 * `/plans/{id}/report`: the progress report as an A4 print layout in the spirit of the newsletters — cover with
 * headline figures, one section per pillar (slogan, ● policies, boxed highlights, 実績), sources as footnotes.
 * It is also a plain readable page; site.css holds the @page rules and the page breaks between pillars.
 */
import { Hono } from 'hono';
import { summarizePlan } from '../../domain/figures/index.ts';
import { indicatorsOf } from '../../domain/plan-tree.ts';
import { statusVocabularyOf } from '../../domain/status.ts';
import { Breadcrumb } from '../components/Breadcrumb.tsx';
import { DateText } from '../components/DateText.tsx';
import { evaluationWordsOf } from '../components/evaluation-words.ts';
import { EvidenceContext } from '../components/evidence/evidence-context.ts';
import { Layout } from '../components/Layout.tsx';
import { PlanEvaluations } from '../components/PlanEvaluations.tsx';
import { SummaryBlock } from '../components/SummaryBlock.tsx';
import { notFound } from '../http-error.ts';
import {
  contentLang,
  langOf,
  localHref,
  messagesOf,
  pagePath,
  planHref,
  planKindLabels,
  planStatusCss,
} from '../i18n/index.ts';
import { loadEvidence } from '../pages/evidence.ts';
import { idParam, onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { Footnotes } from './footnotes.ts';
import { Cite, FootnoteList, HighlightBox, ReportPillar } from './report-parts.tsx';

const report = new Hono<WebEnv>();

report.get('/:id/report', async (c) => {
  onlyQueries(c, ['lang']);
  const lang = langOf(c);
  const t = messagesOf(lang);
  const id = idParam(c);
  const plan = await c.var.store.getPlan(id);
  if (!plan) throw notFound('計画', 'plan', id);
  const evidence = await loadEvidence(c.var.store, plan.organization.id, [plan]);
  const vocabulary = statusVocabularyOf(plan);
  const words = await evaluationWordsOf(c.var.store, plan.organization.id);
  const notes = new Footnotes();
  const headlines = indicatorsOf(plan.nodes).filter(({ indicator }) => indicator.highlight);
  const ja = contentLang(lang);
  return c.html(
    <Layout
      title={`${plan.title} ${t.report}`}
      lang={lang}
      path={pagePath(c)}
      stylesheets={[planStatusCss(plan.id)]}
      bodyClass="report"
    >
      <EvidenceContext.Provider value={evidence}>
        <Breadcrumb
          items={[
            { href: localHref('/', lang), label: t.home },
            { href: planHref(plan.id, lang), label: plan.title },
          ]}
          current={t.report}
        />
        <header class="report-cover">
          <p class="meta" lang={ja}>
            {plan.organization.name}・{planKindLabels[lang][plan.kind]}
          </p>
          <h1 lang={ja}>{plan.title}</h1>
          {plan.subtitle ? (
            <p class="lead" lang={ja}>
              {plan.subtitle}
            </p>
          ) : null}
          <p>
            {t.period}: <DateText date={plan.periodStart} /> 〜 <DateText date={plan.periodEnd} />・
            {t.published} <DateText date={plan.publishedAt} />
          </p>
          <p class="meta">{t.reportLead}</p>
          {headlines.length > 0 ? (
            <section aria-labelledby="report-highlights">
              <h2 id="report-highlights">{t.highlights}</h2>
              <div class="highlight-grid">
                {headlines.map(({ indicator }) => (
                  <HighlightBox indicator={indicator} plan={plan} notes={notes} />
                ))}
              </div>
            </section>
          ) : null}
          {/* As on the plan page: a promise a later plan continues and rates counts with its later status. */}
          <SummaryBlock summary={summarizePlan(plan, evidence.later)} planStart={plan.periodStart} />
        </header>
        {plan.nodes.map((pillar) => (
          <ReportPillar pillar={pillar} plan={plan} vocabulary={vocabulary} notes={notes} />
        ))}
        <PlanEvaluations
          plan={plan}
          words={words}
          cite={(source) => <Cite notes={notes} source={source} />}
        />
        <FootnoteList notes={notes} />
      </EvidenceContext.Provider>
    </Layout>,
  );
});

export default report;
