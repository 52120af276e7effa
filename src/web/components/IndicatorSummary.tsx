/** One line per indicator with its latest value (or 実績値なし), for lists of nodes. */
import type { Indicator } from '../../domain/model.ts';
import { latestObservation } from '../../domain/plan-tree.ts';
import { localName } from '../i18n/content.ts';
import { useLang, useMessages } from '../i18n/index.ts';
import { Ja } from './Ja.tsx';
import { LocalContent } from './LocalContent.tsx';
import { PointValue } from './PointValue.tsx';

export interface IndicatorSummaryProps {
  indicators: Indicator[];
}

export function IndicatorSummary({ indicators }: IndicatorSummaryProps) {
  const t = useMessages();
  const lang = useLang();
  if (indicators.length === 0) return null;
  return (
    <ul class="node-values">
      {indicators.map((indicator) => {
        const latest = latestObservation(indicator);
        return (
          <li>
            <LocalContent local={localName(indicator, lang)} />:{' '}
            {latest === null ? (
              <span class="meta">{t.noObservation}</span>
            ) : (
              <PointValue point={latest} unit={indicator.unit} />
            )}
          </li>
        );
      })}
    </ul>
  );
}
