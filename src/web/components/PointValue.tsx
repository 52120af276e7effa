/** A number as the source printed it, linked to its evidence, with its date beside it. */

import { formatAmount } from '../../domain/japanese-number.ts';
import type { IndicatorValue } from '../../domain/model.ts';
import { contentLang, useLang } from '../i18n/index.ts';
import { DateText } from './DateText.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface PointValueProps {
  point: Pick<IndicatorValue, 'value' | 'date' | 'qualifier' | 'outOf' | 'rankOf' | 'source'>;
  unit: string;
  /** Hide the date where a table column already shows it. */
  showDate?: boolean;
}

/** "3億4,300万円", "25位（812中）", "61区（68区中）". */
export function pointText(point: PointValueProps['point'], unit: string): string {
  const amount = formatAmount(point.value, unit, { qualifier: point.qualifier });
  const of = point.rankOf ?? point.outOf;
  return of === null ? amount : `${amount}（${formatAmount(of, unit === '位' ? '' : unit)}中）`;
}

export function PointValue({ point, unit, showDate = true }: PointValueProps) {
  return (
    <span class="point">
      <SourceLink source={point.source}>
        <data value={String(point.value)} lang={contentLang(useLang())}>
          {pointText(point, unit)}
        </data>
      </SourceLink>
      {showDate && point.date !== null ? (
        <span class="meta">
          {' '}
          （<DateText date={point.date} />）
        </span>
      ) : null}
    </span>
  );
}
