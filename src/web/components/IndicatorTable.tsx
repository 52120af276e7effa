/** A node's indicators: baseline, target and latest value, each linked to its source, plus reported figures. */
import type { Indicator } from '../../domain/model.ts';
import { latestObservation } from '../plan-tree.ts';
import { PointValue } from './PointValue.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface IndicatorTableProps {
  indicators: Indicator[];
}

const directionLabels: Record<Indicator['direction'], string> = {
  increase: '増やす',
  decrease: '減らす',
  maintain: '維持する',
  rank: '順位を上げる',
};

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
  return (
    <section class="table-scroll" aria-label="指標の表" tabindex={0}>
      <table class="indicators">
        <caption>指標（基準値・目標値・最新の実績値）</caption>
        <thead>
          <tr>
            <th scope="col">指標</th>
            <th scope="col">基準値</th>
            <th scope="col">目標値</th>
            <th scope="col">最新の実績値</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((indicator) => (
            <tr id={`indicator-${indicator.id}`}>
              <th scope="row">
                {indicator.name}
                <br />
                <span class="meta">
                  単位: {indicator.unit}・{directionLabels[indicator.direction]}
                </span>
              </th>
              <Cell point={indicator.baseline} unit={indicator.unit} label="基準値" />
              <Cell point={indicator.target} unit={indicator.unit} label="目標値" />
              <Cell point={latestObservation(indicator)} unit={indicator.unit} label="最新の実績値" />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export interface ObservationTableProps {
  indicator: Indicator;
}

/**
 * The whole time series of one indicator, and the figures the source printed already derived (報告値).
 * A single observation is already the summary table's latest value, so it gets no table of its own.
 */
export function ObservationTable({ indicator }: ObservationTableProps) {
  if (indicator.observations.length < 2 && indicator.reported.length === 0) return null;
  return (
    <section class="table-scroll" aria-label={`${indicator.name}の表`} tabindex={0}>
      <table>
        <caption>{indicator.name}の実績値と報告値</caption>
        <thead>
          <tr>
            <th scope="col">区分</th>
            <th scope="col">値</th>
            <th scope="col">出典</th>
          </tr>
        </thead>
        <tbody>
          {indicator.observations.map((observation) => (
            <tr>
              <th scope="row">実績値</th>
              <td>
                <PointValue point={observation} unit={indicator.unit} />
              </td>
              <td>
                <SourceLink source={observation.source} />
              </td>
            </tr>
          ))}
          {indicator.reported.map((figure) => (
            <tr>
              <th scope="row">
                <span class="reported">報告値</span>
              </th>
              <td>
                <SourceLink source={figure.source}>{figure.text}</SourceLink>
              </td>
              <td>
                <SourceLink source={figure.source} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
