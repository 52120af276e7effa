/**
 * A plan's published rollups of its evaluation (counts of 今後の方向性, 予算への反映, 実施率 …), one table per kind,
 * each value as printed with its source; under a table, every printed total beside the sum of its printed parts.
 */
import type { Child } from 'hono/jsx';
import { type PublishedFigure, publishedPartsChecks } from '../../domain/figures/published-parts.ts';
import type { SourceRef } from '../../domain/model.ts';
import { contentLang, useLang, useMessages } from '../i18n/index.ts';
import { DateText } from './DateText.tsx';
import { Ja } from './Ja.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface RollupFigure extends PublishedFigure {
  note?: string | undefined;
  source: SourceRef;
}

export interface PublishedRollupsProps {
  figures: readonly RollupFigure[];
  cite?: (source: SourceRef) => Child;
}

const kindOrder = ['directionCount', 'budgetEffectTotal', 'implementationRate', 'gradeShare', 'totalScore'];

const linkTo = (source: SourceRef) => <SourceLink source={source} />;

function YearCell({ fiscalYear }: { fiscalYear: number | null }) {
  const t = useMessages();
  return (
    <td data-label={t.fiscalYearColumn}>
      {fiscalYear === null ? (
        <span class="meta">{t.noFiscalYear}</span>
      ) : (
        <DateText date={`FY${fiscalYear}`} />
      )}
    </td>
  );
}

export function PublishedRollups({ figures, cite = linkTo }: PublishedRollupsProps) {
  const t = useMessages();
  const lang = useLang();
  const ja = contentLang(lang);
  const kinds = [...new Set(figures.map((f) => f.kind))].sort(
    (a, b) => kindOrder.indexOf(a) - kindOrder.indexOf(b),
  );
  return kinds.map((kind) => {
    const ofKind = figures.filter((f) => f.kind === kind);
    const name = t.rollupKinds[kind] ?? kind;
    const checks = publishedPartsChecks(ofKind);
    return (
      <section aria-labelledby={`rollup-${kind}`}>
        <h3 id={`rollup-${kind}`}>{name}</h3>
        <section class="table-scroll" aria-labelledby={`rollup-${kind}-caption`} tabindex={0}>
          <table class="rollup-table">
            <caption id={`rollup-${kind}-caption`}>{t.rollupCaption(name)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.fiscalYearColumn}</th>
                <th scope="col">{t.itemColumn}</th>
                <th scope="col">{t.publishedColumn}</th>
                <th scope="col">{t.sourceColumn}</th>
              </tr>
            </thead>
            <tbody>
              {ofKind.map((f) => (
                <tr>
                  <YearCell fiscalYear={f.fiscalYear} />
                  <th scope="row" lang={ja}>
                    {f.label}
                  </th>
                  <td class="number" lang={ja}>
                    {f.text}
                    {f.note ? (
                      <p class="meta">
                        <Ja>{f.note}</Ja>
                      </p>
                    ) : null}
                  </td>
                  <td>{cite(f.source)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {checks.length > 0 ? (
          <ul class="parts-checks">
            {checks.map((c) => (
              <li class={c.matches ? 'parts-match' : 'parts-differ'}>
                {c.fiscalYear !== null ? (
                  <>
                    <DateText date={`FY${c.fiscalYear}`} />{' '}
                  </>
                ) : null}
                <Ja>{c.total.label}</Ja>: {t.partsSum(c.sumText)}（
                {c.matches ? t.partsMatch : t.partsDiffer(c.total.text)}）
                <span class="figure-rule">
                  {t.rule}: <Ja>{c.rule}</Ja>
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    );
  });
}
