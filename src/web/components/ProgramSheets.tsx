/**
 * A program's 事務事業評価 sheets as one page section, shaped like the sheet: 対象・意図・手段, the 対象・活動・成果指標
 * by fiscal year, then the cost by fiscal year as a chart of final budget against settlement with its table in 千円
 * (財源, 人件費, トータルコスト, 単位コスト, 執行率, 前年度比), each computed figure with its rule, and the figures the
 * sheet printed beside the computed ones.
 */
import { raw } from 'hono/html';
import {
  besideReported,
  executionRate,
  type FigureResult,
  fundingColumns,
  personnelCost,
  programCost,
  totalCost,
  unitCost,
  yearOnYear,
} from '../../domain/figures/index.ts';
import type { Indicator, PlanNode, ProgramSheet } from '../../domain/model.ts';
import { drawBudgetChartSvg } from '../charts/budget-chart.ts';
import { ChartPair } from '../charts/chart-pair.tsx';
import { contentLang, type Lang, useLang, useMessages } from '../i18n/index.ts';
import { DateText } from './DateText.tsx';
import { Ja } from './Ja.tsx';
import { SheetIndicators } from './SheetIndicators.tsx';
import { SourceLink } from './SourceLink.tsx';
import { thousandYen } from './thousand-yen.ts';

export interface ProgramSheetsProps {
  node: Pick<PlanNode, 'id' | 'title' | 'department' | 'indicators' | 'programSheets'>;
}

type Row = { label: string; cell: (sheet: ProgramSheet) => string | null };

const yenCell = (lang: Lang) => (value: number | null) => (value === null ? null : thousandYen(value, lang));
const figureCell = (lang: Lang) => (f: FigureResult | null | undefined) =>
  f && f.value !== null ? thousandYen(f.value, lang) : null;
const figureText = (f: FigureResult | null | undefined) => (f && f.value !== null ? f.text : null);

/** The figures of one sheet, computed once for the table and the rules under it. */
function figuresOf(sheet: ProgramSheet, sheets: readonly ProgramSheet[], indicators: readonly Indicator[]) {
  const indicator = indicators.find((i) => i.id === sheet.unitCostIndicatorId);
  return {
    programCost: programCost(sheet),
    personnelCost: personnelCost(sheet),
    totalCost: totalCost(sheet),
    unitCost: indicator ? unitCost(sheet, indicator) : null,
    executionRate: executionRate(sheet),
    yearOnYear: yearOnYear(sheets, sheet.fiscalYear, 'totalCost'),
  };
}

function rowsOf(
  lang: Lang,
  t: ReturnType<typeof useMessages>,
  figures: Map<number, ReturnType<typeof figuresOf>>,
): Row[] {
  const yen = yenCell(lang);
  const fig = figureCell(lang);
  const of = (s: ProgramSheet) => figures.get(s.fiscalYear);
  const r = t.sheetRows;
  return [
    { label: r.budgetInitial, cell: (s) => yen(s.budgetInitial) },
    { label: r.budgetSupplementary, cell: (s) => yen(s.budgetSupplementary) },
    { label: r.budgetFinal, cell: (s) => yen(s.budgetFinal) },
    { label: r.settlement, cell: (s) => yen(s.settlement) },
    ...fundingColumns.map((c) => ({
      label: `${t.fundingPrefix}${lang === 'en' ? c.labelEn : c.label}`,
      cell: (s: ProgramSheet) => yen(s[c.field] as number | null),
    })),
    { label: r.programCost, cell: (s) => fig(of(s)?.programCost) },
    { label: r.staffYears, cell: (s) => (s.staffYears === null ? null : String(s.staffYears)) },
    { label: r.personnelCost, cell: (s) => fig(of(s)?.personnelCost) },
    { label: r.totalCost, cell: (s) => fig(of(s)?.totalCost) },
    {
      label: r.unitCost,
      cell: (s) => {
        const f = of(s)?.unitCost;
        if (!f || f.value === null) return null;
        const n = new Intl.NumberFormat(lang === 'en' ? 'en' : 'ja-JP').format(Math.round(f.value));
        return lang === 'en' ? `¥${n}` : `${n}円`;
      },
    },
    { label: r.executionRate, cell: (s) => figureText(of(s)?.executionRate) },
    { label: r.yearOnYear, cell: (s) => figureText(of(s)?.yearOnYear) },
  ];
}

function Rules({ sheet, figures }: { sheet: ProgramSheet; figures: ReturnType<typeof figuresOf> }) {
  const lang = useLang();
  const t = useMessages();
  const r = t.sheetRows;
  const shown: [string, FigureResult | null][] = [
    [r.programCost, figures.programCost],
    [r.personnelCost, figures.personnelCost],
    [r.totalCost, figures.totalCost],
    [r.unitCost, figures.unitCost],
    [r.executionRate, figures.executionRate],
    [r.yearOnYear, figures.yearOnYear],
  ];
  return (
    <details>
      <summary>{t.sheetRules(lang === 'en' ? `FY${sheet.fiscalYear}` : `${sheet.fiscalYear}年度`)}</summary>
      <dl class="sheet-rules">
        {shown
          .filter((x): x is [string, FigureResult] => x[1] !== null)
          .map(([label, f]) => (
            <div>
              <dt>{label}</dt>
              <dd>
                {f.value === null ? (
                  <>
                    {t.notComputed}: <Ja>{f.text}</Ja>
                  </>
                ) : (
                  <Ja>{lang === 'en' && f.ruleEn ? f.ruleEn : f.rule}</Ja>
                )}
              </dd>
            </div>
          ))}
      </dl>
    </details>
  );
}

function Printed({ sheet, figures }: { sheet: ProgramSheet; figures: ReturnType<typeof figuresOf> }) {
  const t = useMessages();
  const lang = useLang();
  if (sheet.reported.length === 0) return null;
  const computedOf = (kind: string): FigureResult | null => {
    if (kind === 'programCost' || kind === 'personnelCost' || kind === 'totalCost') return figures[kind];
    if (kind === 'unitCost') return figures.unitCost;
    if (kind === 'executionRate') return figures.executionRate;
    if (kind === 'percentChange') return figures.yearOnYear;
    return null;
  };
  return (
    <ul class="printed-figures" aria-label={t.printedFigures}>
      {sheet.reported.map((p) => {
        const computed = computedOf(p.kind);
        const beside = computed ? besideReported(computed, p) : null;
        const label = (t.sheetRows as Record<string, string>)[
          p.kind === 'percentChange' ? 'yearOnYear' : p.kind
        ];
        return (
          <li>
            <DateText date={`FY${sheet.fiscalYear}`} /> {label}:{' '}
            <strong lang={contentLang(lang)}>{p.text}</strong>
            {beside && beside.agrees !== null && computed && computed.value !== null ? (
              <> （{beside.agrees ? t.printedAgrees : t.printedDiffers(computed.text)}）</>
            ) : null}{' '}
            <SourceLink source={p.source ?? sheet.source} />
          </li>
        );
      })}
    </ul>
  );
}

export function ProgramSheets({ node }: ProgramSheetsProps) {
  const lang = useLang();
  const t = useMessages();
  const sheets = [...node.programSheets].sort((a, b) => a.fiscalYear - b.fiscalYear);
  if (sheets.length === 0) return null;
  const latest = sheets.at(-1) as ProgramSheet;
  const described = [...sheets].reverse().find((s) => s.target || s.intent || s.means);
  const figures = new Map(sheets.map((s) => [s.fiscalYear, figuresOf(s, sheets, node.indicators)]));
  const rows = rowsOf(lang, t, figures).filter((row) => sheets.some((s) => row.cell(s) !== null));
  const years = sheets.map((s) => ({
    fiscalYear: s.fiscalYear,
    budget: s.budgetFinal,
    settlement: s.settlement,
  }));
  const chart = ChartPair({
    draw: (size) =>
      drawBudgetChartSvg(years, { id: node.id, title: t.budgetChartTitle(node.title), lang, size }),
  });
  const ja = contentLang(lang);
  return (
    <section aria-labelledby="program-sheet" class="program-sheet">
      <h2 id="program-sheet">{t.programSheet}</h2>
      <dl class="sheet-purpose">
        {node.department ? (
          <div>
            <dt>{t.department}</dt>
            <dd lang={ja}>{node.department}</dd>
          </div>
        ) : null}
        {described?.target ? (
          <div>
            <dt>{t.sheetTarget}</dt>
            <dd lang={ja}>{described.target}</dd>
          </div>
        ) : null}
        {described?.intent ? (
          <div>
            <dt>{t.sheetIntent}</dt>
            <dd lang={ja}>{described.intent}</dd>
          </div>
        ) : null}
        {described?.means ? (
          <div>
            <dt>{t.sheetMeans}</dt>
            <dd lang={ja}>{described.means}</dd>
          </div>
        ) : null}
      </dl>
      <SheetIndicators sheets={sheets} indicators={node.indicators} />
      <figure class="budget-figure">
        {chart}
        <section class="table-scroll" aria-labelledby="cost-caption" tabindex={0}>
          <table class="cost-table">
            <caption id="cost-caption">{t.costCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.itemRow}</th>
                {sheets.map((s) => (
                  <th scope="col">
                    <DateText date={`FY${s.fiscalYear}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">{row.label}</th>
                  {sheets.map((s) => {
                    const value = row.cell(s);
                    return <td class="number">{value === null ? <span class="meta">—</span> : value}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </figure>
      <Rules
        sheet={latest}
        figures={figures.get(latest.fiscalYear) ?? figuresOf(latest, sheets, node.indicators)}
      />
      {sheets.map((s) => (
        <Printed sheet={s} figures={figures.get(s.fiscalYear) ?? figuresOf(s, sheets, node.indicators)} />
      ))}
      <p class="meta">
        {sheets.map((s) => (
          <>
            <SourceLink source={s.source}>
              <DateText date={`FY${s.fiscalYear}`} /> {t.source}
            </SourceLink>{' '}
          </>
        ))}
      </p>
    </section>
  );
}
