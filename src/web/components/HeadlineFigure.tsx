/** A headline figure (an indicator with `highlight: true`): its latest value shown large, with date and source. */
import type { Indicator, PlanNode } from '../../domain/model.ts';
import { latestObservation } from '../plan-tree.ts';
import { DateText } from './DateText.tsx';
import { pointText } from './PointValue.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface HeadlineFigureProps {
  indicator: Indicator;
  node: Pick<PlanNode, 'id' | 'title'>;
}

export function HeadlineFigure({ indicator, node }: HeadlineFigureProps) {
  // Without an observation the promise itself is the headline, labelled as a target.
  const latest = latestObservation(indicator);
  const point = latest ?? indicator.target;
  return (
    <li class="headline">
      <p class="headline-name">{indicator.name}</p>
      {point === null ? (
        <p class="meta">値の記載なし</p>
      ) : (
        <>
          <p class="headline-value">
            {latest === null ? <span class="meta">目標 </span> : null}
            <SourceLink source={point.source}>
              <data value={String(point.value)}>{pointText(point, indicator.unit)}</data>
            </SourceLink>
          </p>
          <p class="meta">
            {point.date === null ? '時期の記載なし' : <DateText date={point.date} />}・
            <SourceLink source={point.source} />
          </p>
        </>
      )}
      <p class="meta">
        <a href={`/nodes/${encodeURIComponent(node.id)}`}>{node.title}</a>
      </p>
    </li>
  );
}
