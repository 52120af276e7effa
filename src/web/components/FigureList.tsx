/**
 * The figures the engine derives for one indicator, each with the rule that made it, so no rate is ever bare.
 * Only figures that exist get a card; those that cannot be computed share one quiet line with the reasons in the
 * page's language. A comparison of unlike values carries its caveat, and campaign material says so.
 */
import type { FigureReason, FigureResult, FiguresPlan } from '../../domain/figures/index.ts';
import { comparisonCaveats, figureReasonWords, indicatorFigures } from '../../domain/figures/index.ts';
import type { Indicator } from '../../domain/model.ts';
import { localName } from '../i18n/content.ts';
import { contentLang, figureLabels, useLang, useMessages } from '../i18n/index.ts';
import { CampaignNote } from './evidence/CampaignNote.tsx';
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
// Without these two a reader cannot tell a missing rate from an omitted one, so their reason is named.
const alwaysNamed = new Set<string>(['achievementRate', 'rating']);

const caveatLead = { ja: '注意', en: 'Caveat' };
const missingLead = {
  ja: (labels: string, reason: string) => `${labels}は計算できません（${reason}）。`,
  en: (labels: string, reason: string) => `${labels}: not computed (${reason.toLowerCase()}).`,
};

function FigureItem({ label, figure }: { label: string; figure: FigureResult }) {
  const t = useMessages();
  const lang = useLang();
  if (figure.value === null) return null;
  return (
    <div class="figure">
      <dt>{label}</dt>
      <dd>
        <strong class="figure-value" lang={contentLang(lang)}>
          {figure.text}
        </strong>
        <span class="figure-rule">
          {t.rule}: <Ja>{figure.rule}</Ja>
        </span>
      </dd>
    </div>
  );
}

/** The caveats of the computed comparisons, each said once with the figures it concerns. */
function Caveats({ figures }: { figures: { label: string; figure: FigureResult }[] }) {
  const lang = useLang();
  const said = new Map<string, string[]>();
  for (const { label, figure } of figures) {
    if (figure.value === null || !figure.from || !figure.to) continue;
    for (const caveat of comparisonCaveats(figure.from, figure.to)) {
      said.set(caveat[lang], [...(said.get(caveat[lang]) ?? []), label]);
    }
  }
  if (said.size === 0) return null;
  return (
    <ul class="figure-caveats">
      {[...said].map(([words, labels]) => (
        <li>
          {lang === 'ja'
            ? `${caveatLead.ja}（${labels.join('・')}）`
            : `${caveatLead.en} (${labels.join(', ')})`}
          : {words}
          {lang === 'ja' ? '。' : '.'}
        </li>
      ))}
    </ul>
  );
}

/** One line for every figure that could not be computed, grouped by reason. */
function MissingLine({ missing }: { missing: { label: string; reason: FigureReason }[] }) {
  const lang = useLang();
  if (missing.length === 0) return null;
  const reasons = [...new Set(missing.map((m) => m.reason))];
  return (
    <p class="figures-missing">
      {reasons
        .map((reason) =>
          missingLead[lang](
            missing
              .filter((m) => m.reason === reason)
              .map((m) => m.label)
              .join(lang === 'ja' ? '・' : ', '),
            figureReasonWords[reason][lang],
          ),
        )
        .join(' ')}
    </p>
  );
}

export function FigureList({ indicator, plan }: FigureListProps) {
  const t = useMessages();
  const lang = useLang();
  const figures = indicatorFigures(indicator, plan);
  const shown = shownKinds.filter((kind) => figures[kind].value !== null);
  const rate = figures.achievementRate;
  const missing = shownKinds.flatMap((kind) => {
    const figure = figures[kind];
    if (figure.value !== null || !alwaysNamed.has(kind)) return [];
    // A grade missing for want of a rate has the rate's reason: 「達成率・評価は計算できません（目標値がありません）」.
    const reason = figure.reason === 'no_rate' && rate.value === null ? rate.reason : figure.reason;
    return [{ label: figureLabels[lang][kind], reason }];
  });
  return (
    <section class="figures" aria-label={`${t.figures}: ${localName(indicator, lang).text}`}>
      <CampaignNote indicator={indicator} />
      {shown.length > 0 || figures.reported.length > 0 ? (
        <dl>
          {shown.map((kind) => (
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
      ) : null}
      <Caveats figures={shown.map((kind) => ({ label: figureLabels[lang][kind], figure: figures[kind] }))} />
      <MissingLine missing={missing} />
    </section>
  );
}
