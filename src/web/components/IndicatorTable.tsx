/** A node's indicators: baseline, target and latest value, each linked to its source. */
import type { Indicator } from '../../domain/model.ts';
import { latestObservation } from '../../domain/plan-tree.ts';
import { localName } from '../i18n/content.ts';
import { directionLabels, useLang, useMessages } from '../i18n/index.ts';
import { Ja } from './Ja.tsx';
import { LocalContent } from './LocalContent.tsx';
import { PointValue } from './PointValue.tsx';

export interface IndicatorTableProps {
  indicators: Indicator[];
}

interface CellProps {
  point: Parameters<typeof PointValue>[0]['point'] | null;
  unit: string;
  /** Repeats the column header where narrow screens stack the cells. */
  label: string;
}

function Cell({ point, unit, label }: CellProps) {
  return (
    <td data-label={label}>
      {point === null ? <span class="meta">—</span> : <PointValue point={point} unit={unit} />}
    </td>
  );
}

export function IndicatorTable({ indicators }: IndicatorTableProps) {
  const t = useMessages();
  const lang = useLang();
  return (
    <section class="table-scroll" aria-label={t.indicatorTableLabel} tabindex={0}>
      <table class="indicators">
        <caption>{t.indicatorTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.indicatorColumn}</th>
            <th scope="col">{t.baseline}</th>
            <th scope="col">{t.targetValue}</th>
            <th scope="col">{t.latest}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => (
            <tr id={`indicator-${indicator.id}`}>
              <th scope="row">
                <LocalContent local={localName(indicator, lang)} mark />
                <br />
                <span class="meta">
                  {indicator.unit === '' ? '' : `${t.unit}: ${indicator.unit}・`}
                  {directionLabels[lang][indicator.direction]}
                </span>
              </th>
              <Cell point={indicator.baseline} unit={indicator.unit} label={t.baseline} />
              <Cell point={indicator.target} unit={indicator.unit} label={t.targetValue} />
              <Cell point={latestObservation(indicator)} unit={indicator.unit} label={t.latest} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
