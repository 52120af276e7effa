/**
 * The comparison page's content: which organizations, the rules in words, the chart, the ranked table (each value
 * linked to its source) and the pages. Server-rendered; the group form is a plain GET form.
 */
import { comparisonRuleWords } from '../../domain/comparison/index.ts';
import type { Comparison, ComparisonOptions } from '../../store/comparison/index.ts';
import { ChartPair } from '../charts/chart-pair.tsx';
import { DateText } from '../components/DateText.tsx';
import { PointValue } from '../components/PointValue.tsx';
import { contentLang, type Lang, localHref, messagesOf } from '../i18n/index.ts';
import { drawCompareChartSvg } from './compare-chart.ts';
import { compareHref } from './compare-view.ts';
import { compareWords } from './compare-words.ts';

export interface ComparePageProps {
  comparison: Comparison;
  options: ComparisonOptions;
  lang: Lang;
}

function Scope({ comparison, options, lang }: ComparePageProps) {
  const w = compareWords[lang];
  const scope = options.codes
    ? w.scopeCodes(options.codes.length, comparison.total)
    : options.prefecture
      ? w.scopePrefecture(options.prefecture, comparison.total)
      : w.scopeAll(comparison.total);
  return (
    <>
      <p>{scope}</p>
      {comparison.missingCodes.length > 0 ? (
        <p role="status">{w.missing(comparison.missingCodes.join(lang === 'ja' ? '、' : ', '))}</p>
      ) : null}
    </>
  );
}

function GroupForm({ comparison, options, lang }: ComparePageProps) {
  const w = compareWords[lang];
  const action = `/compare/${encodeURIComponent(comparison.key)}`;
  return (
    <form class="filters" method="get" action={action} aria-label={w.group}>
      <div class="field">
        <label for="compare-codes">{w.codes}</label>
        <input
          id="compare-codes"
          name="codes"
          type="text"
          inputmode="numeric"
          value={options.codes?.join(',') ?? ''}
        />
      </div>
      <div class="field">
        <label for="compare-prefecture">{w.prefecture}</label>
        <input
          id="compare-prefecture"
          name="prefecture"
          type="text"
          inputmode="numeric"
          maxlength={2}
          size={3}
          value={options.prefecture ?? ''}
        />
      </div>
      {lang === 'en' ? <input type="hidden" name="lang" value="en" /> : null}
      <button type="submit">{w.apply}</button>
      <a href={localHref(action, lang)}>{w.reset}</a>
    </form>
  );
}

function RankTable({ comparison, lang }: ComparePageProps) {
  const w = compareWords[lang];
  const { entries } = comparison;
  const from = entries[0]?.rank ?? 0;
  const to = entries[entries.length - 1]?.rank ?? 0;
  return (
    <section class="table-scroll" aria-labelledby="compare-caption" tabindex={0}>
      <table class="compare-table">
        <caption id="compare-caption">{w.tableCaption(from, to, comparison.total)}</caption>
        <thead>
          <tr>
            <th scope="col">{w.rank}</th>
            <th scope="col">{w.organization}</th>
            <th scope="col">{w.value}</th>
            <th scope="col">{w.date}</th>
            <th scope="col">{w.indicator}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr>
              <td class="number">
                {e.rank}
                {e.tied ? w.tied : ''}
              </td>
              <th scope="row" lang={contentLang(lang)}>
                {lang === 'en' && e.organization.nameEn ? e.organization.nameEn : e.organization.name}
                {e.organization.municipalityCode ? (
                  <span class="meta"> {e.organization.municipalityCode}</span>
                ) : null}
              </th>
              <td class="number">
                <PointValue point={e.observation} unit={e.indicator.unit} showDate={false} />
              </td>
              <td>
                <DateText date={e.observation.date} />
              </td>
              <td lang={contentLang(lang)}>
                <a
                  href={localHref(
                    `/nodes/${encodeURIComponent(e.nodeId)}#figure-${encodeURIComponent(e.indicator.id)}`,
                    lang,
                  )}
                >
                  {e.indicator.name}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Pager({ comparison, options, lang }: ComparePageProps) {
  const w = compareWords[lang];
  const { page, pageCount, key } = comparison;
  if (pageCount === 1) return null;
  const href = (p: number) => localHref(compareHref(key, options, p), lang);
  return (
    <nav aria-label={w.pages}>
      <p>{w.page(page, pageCount)}</p>
      <ul class="plan-links">
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">
              {messagesOf(lang).previousPage}
            </a>
          </li>
        ) : null}
        {page < pageCount ? (
          <li>
            <a href={href(page + 1)} rel="next">
              {messagesOf(lang).nextPage}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

export function ComparePage(props: ComparePageProps) {
  const { comparison, options, lang } = props;
  const w = compareWords[lang];
  const { definition } = comparison;
  const rules = comparisonRuleWords(
    {
      definition,
      rule: comparison.rule,
      spellings: comparison.spellings,
      datesDiffer: comparison.datesDiffer,
    },
    lang,
  );
  const bars = comparison.entries.map((e) => ({
    label: lang === 'en' && e.organization.nameEn ? e.organization.nameEn : e.organization.name,
    value: e.value,
    rank: e.rank,
  }));
  const chart = ChartPair({
    draw: (size) =>
      drawCompareChartSvg(bars, {
        id: comparison.key,
        title: w.chartTitle(definition.name, definition.unit),
        unit: definition.unit,
        lang,
        size,
      }),
  });
  return (
    <>
      <Scope {...props} />
      <section aria-labelledby="compare-rules">
        <h2 id="compare-rules">{w.rules}</h2>
        {rules.map((sentence) => (
          <p>{sentence}</p>
        ))}
      </section>
      <GroupForm {...props} />
      {comparison.total === 0 ? (
        <p>{w.none}</p>
      ) : (
        <>
          {chart}
          <RankTable {...props} />
          <Pager {...props} />
        </>
      )}
      <p class="meta">
        <a href={compareHref(comparison.key, options, comparison.page, '/api/v1/compare')}>{w.api}</a>
      </p>
    </>
  );
}
