/**
 * Every figure one indicator shows: change between its start and latest values, its achievement rate by the
 * plan's formula, its grade, and the figures its source printed (報告値), listed beside and never recomputed.
 */
import type {
  achievementFormulas,
  Indicator,
  IndicatorValue,
  Observation,
  ReportedFigure,
} from '../model.ts';
import { comparePartialDates, type PartialDate, parsePartialDate } from '../partial-date.ts';
import { latestObservation } from '../plan-tree.ts';
import { progressFromBaseline, ratioToTarget } from './achievement-rate.ts';
import { cagrProgress } from './cagr.ts';
import { difference, percentChange, pointChange, ratio } from './change.ts';
import { type FigureResult, missing } from './figure.ts';
import type { Measured } from './measured.ts';
import type { RateInput } from './rate-input.ts';
import { rateIndicator } from './rating.ts';
import { type AnyRatingScale, defaultRatingScale } from './rating-scale.ts';
import { share, standing } from './share.ts';

export type AchievementFormula = (typeof achievementFormulas)[number];

export interface FiguresPlan {
  achievementFormula: AchievementFormula;
  /** Null means the default A–D table (defaultRatingScale). */
  ratingScale: AnyRatingScale | null;
}

export interface ReportedFigureView extends ReportedFigure {
  label: '報告値';
}

export interface IndicatorFigures {
  ratio: FigureResult;
  percentChange: FigureResult;
  pointChange: FigureResult;
  difference: FigureResult;
  achievementRate: FigureResult;
  rating: FigureResult;
  /** Count of a whole: 61 of 68 区 = 89.7%. */
  share: FigureResult;
  /** Place in a ranking: 812 中 25位 = 上位3.1%. */
  standing: FigureResult;
  reported: ReportedFigureView[];
}

/** Observations oldest first; undated ones go first, since an undated value cannot claim to be the latest. */
export function sortedObservations(observations: Observation[]): Observation[] {
  // Each date parsed once, not twice per comparison: a plan page sorts every indicator's series.
  const parsed = observations.map((observation) => ({
    observation,
    date: observation.date ? parsePartialDate(observation.date) : null,
  }));
  const undated = parsed.filter((p) => p.date === null).map((p) => p.observation);
  const dated = parsed.filter((p): p is { observation: Observation; date: PartialDate } => p.date !== null);
  dated.sort((a, b) => comparePartialDates(a.date, b.date));
  return [...undated, ...dated.map((p) => p.observation)];
}

/** The start and latest values change figures compare: the baseline, or the first observation. */
export function startAndLatest(indicator: Indicator): {
  start: IndicatorValue | null;
  latest: IndicatorValue | null;
} {
  const latest = latestObservation(indicator);
  const start =
    indicator.baseline ??
    (indicator.observations.length > 1 ? (sortedObservations(indicator.observations)[0] ?? null) : null);
  return { start, latest };
}

function changeFigure(
  compute: (from: Measured, to: Measured) => FigureResult,
  indicator: Indicator,
  start: IndicatorValue | null,
  latest: IndicatorValue | null,
): FigureResult {
  if (!latest) return missing('no_observation');
  if (!start) return missing('single_observation');
  return compute({ point: start, unit: indicator.unit }, { point: latest, unit: indicator.unit });
}

const formulas: Record<AchievementFormula, (input: RateInput) => FigureResult> = {
  ratio_to_target: ratioToTarget,
  progress_from_baseline: progressFromBaseline,
  cagr: cagrProgress,
};

/** The inputs of an indicator's achievement rate and grade. */
export function rateInputOf(indicator: Indicator): RateInput {
  const { start, latest } = startAndLatest(indicator);
  return {
    direction: indicator.direction,
    unit: indicator.unit,
    baseline: start,
    actual: latest,
    target: indicator.target,
  };
}

/** The indicator's achievement rate by its own formula, or else the plan's; none without a direction. */
export function achievementRateOf(
  indicator: Indicator,
  plan: Pick<FiguresPlan, 'achievementFormula'>,
): FigureResult {
  if (indicator.direction === 'unspecified') return missing('no_direction');
  const formula = indicator.achievementFormula ?? plan.achievementFormula;
  return formulas[formula](rateInputOf(indicator));
}

/**
 * All figures of one indicator.
 * @example indicatorFigures(furusatoNozei, plan).ratio.text // "50.5倍"
 */
export function indicatorFigures(indicator: Indicator, plan: FiguresPlan): IndicatorFigures {
  const { start, latest } = startAndLatest(indicator);
  const achievementRate = achievementRateOf(indicator, plan);
  return {
    ratio: changeFigure(ratio, indicator, start, latest),
    percentChange: changeFigure(percentChange, indicator, start, latest),
    pointChange: changeFigure(pointChange, indicator, start, latest),
    difference: changeFigure(difference, indicator, start, latest),
    achievementRate,
    rating: rateIndicator(rateInputOf(indicator), achievementRate, plan.ratingScale ?? defaultRatingScale),
    share: latest ? share({ point: latest, unit: indicator.unit }) : missing('no_observation'),
    standing: latest ? standing({ point: latest, unit: indicator.unit }) : missing('no_observation'),
    reported: indicator.reported.map((r) => ({ ...r, label: '報告値' as const })),
  };
}
