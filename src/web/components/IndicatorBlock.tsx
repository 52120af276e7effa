/** One indicator in full: its chart with the data table as text alternative, then its figures with their rules. */
import type { FiguresPlan } from '../../domain/figures/index.ts';
import type { Indicator } from '../../domain/model.ts';
import { IndicatorFigure } from '../charts/index.ts';
import { useLang } from '../i18n/index.ts';
import { FigureList } from './FigureList.tsx';
import { sourceHref } from './SourceLink.tsx';

export interface IndicatorBlockProps {
  indicator: Indicator;
  plan: FiguresPlan;
}

export function IndicatorBlock({ indicator, plan }: IndicatorBlockProps) {
  const lang = useLang();
  return (
    <div class="indicator-block" id={`figure-${indicator.id}`}>
      <IndicatorFigure
        indicator={indicator}
        lang={lang}
        documentHref={(source) => sourceHref(source, lang)}
      />
      <FigureList indicator={indicator} plan={plan} />
    </div>
  );
}
