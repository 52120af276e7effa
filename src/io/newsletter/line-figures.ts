/**
 * The figures of one newsletter line, each with its date and its role: 「A→B」 is a baseline and an
 * observation of one indicator, 目標 marks a target, 倍 / ポイント / signed % are figures reported already derived.
 */
import type { IndicatorValue, reportedFigureKinds } from '../../domain/model.ts';
import { type DocumentDates, dateAfter, dateBefore, dateInClause, unglueEraValue } from './figure-dates.ts';
import { type FigureToken, findFigureTokens, flattenLine } from './figure-tokens.ts';

export type FigureRole = 'baseline' | 'observation' | 'target';
type ReportedKind = (typeof reportedFigureKinds)[number];

export interface LineFigure {
  value: number;
  unit: string;
  date: string | null;
  qualifier: IndicatorValue['qualifier'];
  outOf: number | null;
  rankOf: number | null;
  text: string;
  /** null for a figure the source reports already derived. */
  role: FigureRole | null;
  reported: ReportedKind | null;
  /** Figures of one indicator share a group number within the line. */
  group: number;
}

export interface LineFigureOptions {
  dates: DocumentDates;
  /** A pledge (●) states aims: its figures are targets. */
  pledge?: boolean;
}

interface Dated extends FigureToken {
  date: string | null;
  segment: number;
  target: boolean;
  reported: ReportedKind | null;
}

function reportedKind(token: FigureToken, head: string): ReportedKind | null {
  if (/(?:達成率|実施率)[:：]?$/u.test(head)) return 'achievementRate';
  if (token.unit === '倍') return 'ratio';
  if (token.unit === 'ポイント') return 'pointChange';
  if (token.unit === '%' && token.signed) return 'percentChange';
  if (token.change && token.unit !== '%') return 'difference';
  return null;
}

function readToken(flat: string, token: FigureToken, dates: DocumentDates): Dated {
  const head = flat.slice(0, token.start);
  const glued = /(?:^|[^A-Za-z])([HRS])$/u.exec(head);
  const own = glued ? unglueEraValue(glued[1] ?? '', token) : { ...token, date: '' };
  const date = own.date || dateBefore(head, dates) || dateAfter(flat.slice(token.end));
  const reported = reportedKind(token, head);
  const sign = token.change === 'decrease' && reported ? -1 : 1;
  return {
    ...own,
    value: own.value * sign,
    date,
    segment: [...head].filter((c) => c === '→').length,
    target: /目標値?[:：]?$/u.test(head),
    reported,
  };
}

/** Undated figures take the date of the figure before them in the same clause, else the clause's, else the issue's. */
function inheritDates(flat: string, figures: Dated[], options: LineFigureOptions): void {
  figures.forEach((figure, i) => {
    if (figure.date || figure.target || options.pledge) return;
    const previous = figures[i - 1];
    const clauseStart = flat.lastIndexOf('→', figure.start) + 1;
    figure.date =
      (previous?.segment === figure.segment ? previous.date : null) ??
      dateInClause(flat.slice(clauseStart, figure.start), options.dates) ??
      options.dates.reportDate;
  });
}

/** Links the figures either side of each arrow, last ones before it with first ones after it. */
function groupByArrows(figures: Dated[]): number[] {
  const group = figures.map((_, i) => i);
  const find = (i: number): number => (group[i] === i ? i : find(group[i] ?? i));
  const levels = figures.map((f, i) => ({ f, i })).filter(({ f }) => !f.reported && !f.target);
  const segments = Math.max(0, ...figures.map((f) => f.segment));
  for (let s = 0; s < segments; s++) {
    const left = levels.filter(({ f }) => f.segment === s);
    const right = levels.filter(({ f }) => f.segment === s + 1);
    const n = Math.min(left.length, right.length);
    for (let j = 0; j < n; j++) {
      const a = left[left.length - n + j]?.i ?? 0;
      const b = right[j]?.i ?? 0;
      group[find(b)] = find(a);
    }
  }
  return figures.map((_, i) => find(i));
}

/** A target joins the one group of its unit (目標45%に対しH31.4現在40.4%); reported figures join the first group. */
function attachLoose(figures: Dated[], groups: number[]): number[] {
  const levelGroups = (unit: string | null) =>
    [...new Set(groups.filter((_, i) => !figures[i]?.reported && figures[i]?.unit === unit))].filter(
      (g) => !figures[g]?.target,
    );
  const firstLevel = groups.find((_, i) => !figures[i]?.reported);
  return groups.map((g, i) => {
    const figure = figures[i];
    if (figure?.target) {
      const same = levelGroups(figure.unit).filter((other) => other !== g);
      return same.length === 1 ? (same[0] ?? g) : g;
    }
    if (figure?.reported && firstLevel !== undefined) return firstLevel;
    return g;
  });
}

function roleOf(
  figure: Dated,
  index: number,
  groups: number[],
  figures: Dated[],
  pledge: boolean,
): FigureRole {
  if (figure.target || pledge) return 'target';
  const peers = groups
    .map((g, i) => ({ g, i }))
    .filter(({ g, i }) => g === groups[index] && !figures[i]?.target);
  const linked = peers.filter(({ i }) => !figures[i]?.reported).length > 1;
  return linked && peers.find(({ i }) => !figures[i]?.reported)?.i === index ? 'baseline' : 'observation';
}

/**
 * Every figure of a line with its date, role and indicator group.
 * @example readLineFigures('H28:102件→H30:140件', { dates }) // baseline 102 件 FY2016, observation 140 件 FY2018
 */
export function readLineFigures(text: string, options: LineFigureOptions): LineFigure[] {
  const flat = flattenLine(text);
  const figures = findFigureTokens(flat).map((t) => readToken(flat, t, options.dates));
  inheritDates(flat, figures, options);
  const groups = attachLoose(figures, groupByArrows(figures));
  return figures.map((f, i) => ({
    value: f.value,
    unit: f.unit ?? '',
    date: f.date,
    qualifier: f.qualifier,
    outOf: f.outOf,
    rankOf: f.rankOf,
    text: f.text,
    role: f.reported ? null : roleOf(f, i, groups, figures, options.pledge === true),
    reported: f.reported,
    group: groups[i] ?? i,
  }));
}
