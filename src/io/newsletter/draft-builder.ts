/**
 * Builds the draft plan's records with readable ids and a source (document, section, line, quote) on every one,
 * turning a line's figures into indicators.
 */
import type { Achievement, Indicator, PlanNode, SourceRef } from '../../domain/model.ts';
import type { DocumentDates } from './figure-dates.ts';
import { type LineFigure, readLineFigures } from './line-figures.ts';
import { joinJapanese } from './lines.ts';

export interface Place {
  line: number;
  section: string;
  quote: string;
}

export interface DraftBuilderOptions {
  documentId: string;
  planId: string;
  dates: DocumentDates;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Where an indicator's name ends: the first date or figure of the line. */
const figureStart = /\s*[(（]?(?:目標|就任|[HRS](?:元|\d)|令和|平成|[-−▲約]?\d)/u;

export class DraftBuilder {
  readonly pillars: PlanNode[] = [];
  private indicatorCount = 0;

  constructor(private readonly options: DraftBuilderOptions) {}

  source(place: Place): SourceRef {
    return {
      documentId: this.options.documentId,
      section: place.section,
      line: place.line,
      quote: place.quote,
    };
  }

  node(kind: PlanNode['kind'], title: string, place: Place, parent: PlanNode | null): PlanNode {
    const siblings = parent ? parent.children : this.pillars;
    const id = parent
      ? `${parent.id}.n${pad(siblings.length + 1)}`
      : `${this.options.planId}.p${siblings.length + 1}`;
    const node: PlanNode = {
      id,
      kind,
      title: joinJapanese(title),
      status: null,
      statusDate: null,
      continues: [],
      source: this.source(place),
      achievements: [],
      programSheets: [],
      indicators: [],
      evaluations: [],
      children: [],
    };
    siblings.push(node);
    return node;
  }

  achievement(node: PlanNode, title: string, place: Place, extra: Partial<Achievement> = {}): Achievement {
    const achievement: Achievement = {
      id: `${node.id}.a${pad(node.achievements.length + 1)}`,
      title: joinJapanese(title),
      date: this.options.dates.reportDate,
      dateBasis: 'reported',
      highlight: false,
      details: [],
      source: this.source(place),
      ...extra,
    };
    node.achievements.push(achievement);
    return achievement;
  }

  /** Reads the figures of `text` into indicators of `node`; returns how many figures it found. */
  figures(node: PlanNode, text: string, place: Place, pledge = false): number {
    const figures = readLineFigures(text, { dates: this.options.dates, pledge });
    const groups = [...new Set(figures.map((f) => f.group))];
    const name = joinJapanese(text.split(figureStart)[0] ?? '') || joinJapanese(text);
    for (const group of groups) {
      const members = figures.filter((f) => f.group === group);
      const label = groups.length > 1 ? `${name}（${this.unitOf(members)}）` : name;
      node.indicators.push(this.indicator(label, members, place));
    }
    return figures.length;
  }

  private unitOf(members: LineFigure[]): string {
    return (
      members.find((f) => f.role !== null) ??
      members.find((f) => f.reported === 'difference') ??
      members[0]
    )?.unit as string;
  }

  private indicator(name: string, members: LineFigure[], place: Place): Indicator {
    this.indicatorCount += 1;
    const unit = this.unitOf(members);
    const point = (f: LineFigure) => ({
      value: f.value,
      text: f.text,
      date: f.date,
      qualifier: f.qualifier,
      outOf: f.outOf,
      rankOf: f.rankOf,
      source: this.source({ ...place, quote: f.text }),
    });
    const role = (r: string) => members.filter((f) => f.role === r).map(point);
    return {
      id: `${this.options.planId}.i${pad(this.indicatorCount)}`,
      name,
      unit,
      kind: 'outcome',
      // The text does not say which way is better; a reviewer decides, rank aside.
      direction: unit === '位' ? 'rank' : 'increase',
      cumulative: false,
      highlight: false,
      achievementFormula: null,
      baseline: role('baseline')[0] ?? null,
      target: role('target')[0] ?? null,
      observations: role('observation'),
      reported: members
        .filter((f) => f.reported !== null)
        .map((f) => ({
          kind: f.reported as NonNullable<LineFigure['reported']>,
          value: f.value,
          unit: f.unit,
          text: f.text,
          date: f.date,
          qualifier: f.qualifier,
          source: this.source({ ...place, quote: f.text }),
        })),
      description: '取り込みで作成: 方向・種類は要確認 (imported: check direction and kind)',
    };
  }
}
