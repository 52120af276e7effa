/** One line per indicator with its latest value (or 実績なし), for lists of nodes. */
import type { Indicator } from '../../domain/model.ts';
import { latestObservation } from '../plan-tree.ts';
import { PointValue } from './PointValue.tsx';

export interface IndicatorSummaryProps {
  indicators: Indicator[];
}

export function IndicatorSummary({ indicators }: IndicatorSummaryProps) {
  if (indicators.length === 0) return null;
  return (
    <ul class="node-values">
      {indicators.map((indicator) => {
        const latest = latestObservation(indicator);
        return (
          <li>
            {indicator.name}:{' '}
            {latest === null ? (
              <span class="meta">実績値なし</span>
            ) : (
              <PointValue point={latest} unit={indicator.unit} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
