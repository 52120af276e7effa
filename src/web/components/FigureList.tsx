/**
 * The figures the engine derives for one indicator, each with the rule that made it, so no rate is ever bare.
 * Change figures that do not apply (a ratio of percentages…) are left out; a missing rate or rating says why.
 */
import type { FigureResult, FiguresPlan } from '../../domain/figures/index.ts';
import { indicatorFigures } from '../../domain/figures/index.ts';
import type { Indicator } from '../../domain/model.ts';
import { contentLang, figureLabels, useLang, useMessages } from '../i18n/index.ts';
import { Ja } from './Ja.tsx';
import { SourceLink } from './SourceLink.tsx';

export interface FigureListProps {
  indicator: Indicator;
  plan: FiguresPlan;
}

const shownKinds = [
  'ratio',
  'percentChange',
  'pointChange',
  'difference',
  'achievementRate',
  'rating',
] as const;
// Without these two a reader cannot tell a missing rate from an omitted one, so their reason is shown.
const alwaysShown = new Set<string>(['achievementRate', 'rating']);

function FigureItem({ label, figure }: { label: string; figure: FigureResult }) {
  const t = useMessages();
  const ja = contentLang(useLang());
  if (figure.value === null) {
    return (
      <div class="figure figure-missing">
        <dt>{label}</dt>
        <dd>
          {t.notComputed}: <Ja>{figure.text}</Ja>
        </dd>
      </div>
    );
  }
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <strong class="figure-value" lang={ja}>
          {figure.text}
        </strong>
        <span class="figure-rule">
          {t.rule}: <Ja>{figure.rule}</Ja>
        </span>
      </dd>
    </div>
  );
}

export function FigureList({ indicator, plan }: FigureListProps) {
  const t = useMessages();
  const lang = useLang();
  const figures = indicatorFigures(indicator, plan);
  const items = shownKinds.filter((kind) => figures[kind].value !== null || alwaysShown.has(kind));
  return (
    <section class="figures" aria-label={`${t.figures}: ${indicator.name}`}>
      <dl>
        {items.map((kind) => (
          <FigureItem label={figureLabels[lang][kind]} figure={figures[kind]} />
        ))}
        {figures.reported.map((reported) => (
          <div class="figure">
            <dt>
              <span class="reported">{t.reported}</span>
            </dt>
            <dd lang={contentLang(lang)}>
              <SourceLink source={reported.source}>{reported.text}</SourceLink>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
