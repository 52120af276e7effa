/**
 * A progress newsletter's text → a draft plan for review. Pure: the caller decides where the draft goes,
 * and nothing made here is ever published without a person checking it.
 */
import { type Indicator, type Plan, type PlanNode, planSchema } from '../../domain/model.ts';
import { type CoverFigure, type Paragraph, readCoverFigures } from './cover-figures.ts';
import { readNewsletterDates } from './document-dates.ts';
import { DraftBuilder } from './draft-builder.ts';
import { readSectionHeading } from './headings.ts';
import { classifyLines, joinJapanese, type NewsletterLine } from './lines.ts';
import { NewsletterReader } from './newsletter-reader.ts';

export interface NewsletterOptions {
  /** The SourceDocument every source points at. */
  documentId: string;
  planId: string;
}

export interface NewsletterParse {
  plan: Plan;
  warnings: string[];
}

/** Consecutive non-blank lines before the first pillar, for the cover's figures. */
function coverParagraphs(lines: NewsletterLine[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let open = false;
  for (const l of lines) {
    if (l.kind === 'blank') open = false;
    else if (open) (paragraphs.at(-1) as Paragraph).text += `\n${l.text}`;
    else paragraphs.push({ line: l.line, text: l.text });
    if (l.kind !== 'blank') open = true;
  }
  return paragraphs;
}

function walk(lines: NewsletterLine[], reader: NewsletterReader, build: DraftBuilder): NewsletterLine[] {
  const front: NewsletterLine[] = [];
  let legend = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as NewsletterLine;
    if (legend || line.text.startsWith('【凡例')) {
      // The legend explains ● and ・ with the marks themselves; read as text it would make policies.
      legend = !line.text.includes('】');
      continue;
    }
    if (readSectionHeading(line.text) && !reader.inBody) {
      reader.leavePillar();
      continue;
    }
    if (build.pillars.length === 0) front.push(line);
    i = reader.read(i);
  }
  return front;
}

function coverIndicator(build: DraftBuilder, f: CoverFigure, id: string): Indicator {
  const place = { line: f.line, section: '表紙', quote: f.text };
  return {
    id,
    name: joinJapanese(f.name),
    unit: f.unit,
    kind: 'outcome',
    direction: f.unit === '位' ? 'rank' : 'increase',
    cumulative: false,
    highlight: true,
    achievementFormula: null,
    baseline: null,
    target: null,
    observations: [
      {
        value: f.value,
        text: f.text,
        date: f.date,
        qualifier: f.qualifier,
        outOf: null,
        rankOf: f.rankOf,
        source: build.source(place),
      },
    ],
    reported: [],
    description: '表紙の数字: どの柱に属するか要確認 (cover figure: choose its pillar)',
  };
}

/** The cover's figures belong to no printed pillar; they wait in one of their own for a reviewer to move them. */
function coverPillar(build: DraftBuilder, figures: CoverFigure[], planId: string): PlanNode | null {
  const first = figures[0];
  if (!first) return null;
  const pillar = build.node(
    'pillar',
    '表紙の数字',
    { line: first.line, section: '表紙', quote: first.text },
    null,
  );
  build.pillars.pop();
  pillar.id = `${planId}.cover`;
  pillar.indicators = figures.map((f, i) => coverIndicator(build, f, `${planId}.cover.i${i + 1}`));
  return pillar;
}

function firstLine(lines: NewsletterLine[]): NewsletterLine | undefined {
  return lines.find((l) => l.kind !== 'blank');
}

/**
 * Reads a newsletter like the Komoro seeds into a draft plan; every node, achievement and value carries its line.
 * @example parseNewsletter('1.市役所の改革 「しせいを正す」\n●行政手続の迅速化', { documentId: 'doc', planId: 'draft' }).plan.nodes[0]?.children[0]?.title // "行政手続の迅速化"
 */
export function parseNewsletter(text: string, options: NewsletterOptions): NewsletterParse {
  const lines = classifyLines(text);
  const dates = readNewsletterDates(text);
  const build = new DraftBuilder({ ...options, dates });
  const reader = new NewsletterReader(lines, build);
  const front = walk(lines, reader, build);
  const cover = coverPillar(build, readCoverFigures(coverParagraphs(front)), options.planId);
  const warnings = [...reader.warnings];
  if (!dates.reportDate)
    warnings.push('発行日が見つかりません (no issue date found): 日付を確認してください');
  if (build.pillars.length === 0) warnings.push('柱が見つかりません (no pillar headings found)');
  const head = firstLine(lines);
  const issued = dates.reportDate ?? dates.period?.end ?? String(new Date().getUTCFullYear());
  const plan = planSchema.parse({
    id: options.planId,
    title: joinJapanese(head?.text ?? '') || options.planId,
    kind: 'record',
    periodStart: dates.termStart ?? dates.period?.start ?? issued,
    periodEnd: dates.period?.end ?? issued,
    publishedAt: issued,
    summary:
      '会報テキストから取り込んだ下書き。公開前に確認してください (draft imported from a newsletter; review before publishing)',
    source: { documentId: options.documentId, line: head?.line ?? 1, quote: head?.text ?? '' },
    nodes: cover ? [cover, ...build.pillars] : build.pillars,
  });
  return { plan, warnings };
}
