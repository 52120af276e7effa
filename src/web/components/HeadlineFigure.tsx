/** A headline figure (an indicator with `highlight: true`): its latest value shown large, with date and source. */
import type { Indicator, PlanNode } from '../../domain/model.ts';
import { latestObservation } from '../../domain/plan-tree.ts';
import { localName, localTitle } from '../i18n/content.ts';
import { contentLang, nodeHref, useLang, useMessages } from '../i18n/index.ts';
import { DateText } from './DateText.tsx';
import { LocalContent } from './LocalContent.tsx';
import { pointText } from './PointValue.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface HeadlineFigureProps {
  indicator: Indicator;
  node: Pick<PlanNode, 'id' | 'title' | 'titleEn'>;
}

export function HeadlineFigure({ indicator, node }: HeadlineFigureProps) {
  const t = useMessages();
  const lang = useLang();
  // Without an observation the promise itself is the headline, labelled as a target.
  const latest = latestObservation(indicator);
  const point = latest ?? indicator.target;
  return (
    <li class="headline">
      <p class="headline-name">
        <LocalContent local={localName(indicator, lang)} />
      </p>
      {point === null ? (
        <p class="meta">{t.noValue}</p>
      ) : (
        <>
          <p class="headline-value">
            {latest === null ? <span class="meta">{t.target} </span> : null}
            <SourceLink source={point.source}>
              <data value={String(point.value)} lang={contentLang(lang)}>
                {pointText(point, indicator.unit)}
              </data>
            </SourceLink>
          </p>
          <p class="meta">
            {point.date === null ? t.noDate : <DateText date={point.date} />}・
            <SourceLink source={point.source} />
          </p>
        </>
      )}
      <p class="meta">
        <a href={nodeHref(node.id, lang)}>
          <LocalContent local={localTitle(node, lang)} />
        </a>
      </p>
    </li>
  );
}
