/**
 * The indicators a program's 事務事業評価 sheets name, in the sheet's order 対象指標 → 活動指標 → 成果指標, with each
 * fiscal year's value beside the cost table's years: how many it serves, what it did, what came of it.
 */
import type { Indicator, ProgramSheet } from '../../domain/model.ts';
import { contentLang, useLang, useMessages } from '../i18n/index.ts';
import { DateText } from './DateText.tsx';
import { PointValue } from './PointValue.tsx';

export const sheetIndicatorRoles = [
  'targetIndicatorIds',
  'activityIndicatorIds',
  'outcomeIndicatorIds',
] as const;
export type SheetIndicatorRole = (typeof sheetIndicatorRoles)[number];

export interface SheetIndicatorsProps {
  /** The sheets, oldest year first. */
  sheets: readonly ProgramSheet[];
  indicators: readonly Indicator[];
}

/**
 * Each indicator the sheets name, once, under the first role a sheet gives it, roles in the sheet's order.
 * @example sheetIndicatorRows([{ targetIndicatorIds: ['t'], activityIndicatorIds: ['a'], … }], indicators)
 *   // [{ role: 'targetIndicatorIds', indicator: t }, { role: 'activityIndicatorIds', indicator: a }]
 */
export function sheetIndicatorRows(
  sheets: readonly Pick<ProgramSheet, SheetIndicatorRole>[],
  indicators: readonly Indicator[],
): { role: SheetIndicatorRole; indicator: Indicator }[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const rows: { role: SheetIndicatorRole; indicator: Indicator }[] = [];
  for (const role of sheetIndicatorRoles)
    for (const sheet of sheets)
      for (const id of sheet[role]) {
        const indicator = byId.get(id);
        if (indicator === undefined || seen.has(id)) continue;
        seen.add(id);
        rows.push({ role, indicator });
      }
  return rows;
}

/**
 * The year's 実績値, else the indicator's 目標値 when it is for that year, marked 「目標」: a sheet's evaluation year
 * prints a plan, not a result, and the demo keeps it as the target.
 */
function YearValue({ indicator, fiscalYear }: { indicator: Indicator; fiscalYear: number }) {
  const t = useMessages();
  const date = `FY${fiscalYear}`;
  const point = indicator.observations.find((o) => o.date === date);
  if (point) return <PointValue point={point} unit={indicator.unit} showDate={false} />;
  if (indicator.target?.date === date) {
    return (
      <>
        <span class="meta">{t.sheetIndicatorTarget} </span>
        <PointValue point={indicator.target} unit={indicator.unit} showDate={false} />
      </>
    );
  }
  return <span class="meta">—</span>;
}

export function SheetIndicators({ sheets, indicators }: SheetIndicatorsProps) {
  const lang = useLang();
  const t = useMessages();
  const rows = sheetIndicatorRows(sheets, indicators);
  if (rows.length === 0) return null;
  const ja = contentLang(lang);
  const years = sheets.map((s) => s.fiscalYear);
  return (
    <section class="table-scroll" aria-labelledby="sheet-indicators-caption" tabindex={0}>
      <table class="sheet-indicators">
        <caption id="sheet-indicators-caption">{t.sheetIndicatorsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.sheetIndicatorName}</th>
            {years.map((year) => (
              <th scope="col">
                <DateText date={`FY${year}`} />
              </th>
            ))}
          </tr>
        </thead>
        {/* One row group per role, its name heading the group: a phone's width goes to the names and values. */}
        {sheetIndicatorRoles.map((role) => {
          const ofRole = rows.filter((r) => r.role === role);
          if (ofRole.length === 0) return null;
          return (
            <tbody>
              <tr>
                <th scope="rowgroup" colspan={years.length + 1} class="sheet-indicator-role">
                  {t.sheetIndicatorRoles[role]}
                </th>
              </tr>
              {ofRole.map(({ indicator }) => (
                <tr>
                  <th scope="row" lang={ja}>
                    {indicator.unit === '' ? indicator.name : `${indicator.name}（${indicator.unit}）`}
                  </th>
                  {years.map((year) => (
                    <td class="number">
                      <YearValue indicator={indicator} fiscalYear={year} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}
