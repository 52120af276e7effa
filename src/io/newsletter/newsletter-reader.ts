/**
 * Walks a newsletter's lines once and files each into the draft: pillar headings, ● policies, ① policies with
 * their ・ programs, boxed highlights with their ・ details, and the ・ results of a <主な取り組み実績> block.
 */
import { parseJapaneseDate } from '../../domain/japanese-date.ts';
import type { Achievement, PlanNode } from '../../domain/model.ts';
import type { DraftBuilder, Place } from './draft-builder.ts';
import { isAchievementBlock, readPillarHeading } from './headings.ts';
import { joinJapanese, type NewsletterLine, splitItems, splitNote, splitPolicies } from './lines.ts';

interface Box {
  achievement: Achievement;
  node: PlanNode;
  bullets: boolean;
  lastLine: number;
}

export class NewsletterReader {
  readonly warnings: string[] = [];
  private pillar: PlanNode | null = null;
  private label = '';
  private pledge = false;
  private inBlock = false;
  private bulletsSeen = false;
  private box: Box | null = null;
  private lastItem: { achievement?: Achievement; node?: PlanNode; line: number } | null = null;
  private lastNumbered: PlanNode | null = null;
  /** Pillars first met in a list of headings (「- 1. …」), which the pillar's own heading later fills. */
  private readonly listed = new Set<PlanNode>();

  constructor(
    private readonly lines: NewsletterLine[],
    private readonly build: DraftBuilder,
  ) {}

  /** True inside a pillar that already holds something: a 【heading】 there is box text, not a section. */
  get inBody(): boolean {
    return this.pillar !== null && !isEmpty(this.pillar);
  }

  /** Leaves pillar context, as a 【section】 of the front matter does. */
  leavePillar(): void {
    this.pillar = null;
  }

  /** Reads the line at `i` if it belongs to the plan body; returns the index of the last line it used. */
  read(i: number): number {
    const line = this.lines[i] as NewsletterLine;
    if (line.kind === 'text' || line.kind === 'dash') {
      const heading = readPillarHeading(line.text);
      if (heading) return this.openPillar(i, heading);
    }
    if (isAchievementBlock(line.text)) {
      this.inBlock = this.pillar !== null;
      this.box = null;
      return i;
    }
    if (!this.pillar) return i;
    if (line.kind === 'policy') this.policies(line);
    else if (line.kind === 'numbered') this.numbered(line);
    else if (line.kind === 'item' || line.kind === 'dash') this.items(line);
    else if (line.kind === 'text') return this.text(i);
    return i;
  }

  private place(line: NewsletterLine, quote = line.text): Place {
    return {
      line: line.line,
      section: this.inBlock ? `${this.label} <主な取り組み実績>` : this.label,
      quote,
    };
  }

  private nextNonBlank(i: number): number {
    let j = i + 1;
    while (j < this.lines.length && this.lines[j]?.kind === 'blank') j++;
    return j;
  }

  /** Consecutive text lines from `i`: one printed paragraph. */
  private paragraphEnd(i: number): number {
    let j = i;
    while (this.lines[j + 1]?.kind === 'text' && !readPillarHeading(this.lines[j + 1]?.text ?? '')) j++;
    return j;
  }

  private openPillar(i: number, heading: ReturnType<typeof readPillarHeading> & {}): number {
    const line = this.lines[i] as NewsletterLine;
    let last = i;
    let title = heading.title;
    if (!title) {
      last = this.nextNonBlank(i);
      title = this.lines[last]?.text ?? '';
    }
    const listed = [...this.listed].find((p) => p.code === heading.code && isEmpty(p));
    const previous = this.build.pillars.at(-1);
    if (!listed && previous?.code && Number(heading.code) <= Number(previous.code)) {
      this.warnings.push(
        `${line.line}行: 柱の番号が ${heading.code} に戻りました。別の計画かもしれません (pillar numbering restarts; maybe a second plan)`,
      );
    }
    this.label = joinJapanese(
      heading.slogan ? `${heading.code}.${title} 「${heading.slogan}」` : `${heading.code} ${title}`,
    );
    const pillar =
      listed ??
      this.build.node('pillar', title, { line: line.line, section: this.label, quote: line.text }, null);
    pillar.code = heading.code;
    if (line.kind === 'dash') this.listed.add(pillar);
    else this.listed.delete(pillar);
    if (heading.slogan) pillar.slogan = heading.slogan;
    this.pillar = pillar;
    this.pledge = /^0/u.test(heading.code);
    Object.assign(this, {
      inBlock: false,
      bulletsSeen: false,
      box: null,
      lastItem: null,
      lastNumbered: null,
    });
    if (!this.pledge) return last;
    return this.visionPhrase(pillar, last);
  }

  /** Seed 2 prints a phrase under each area's title: 「心豊かで自立した／人が育つまち」. */
  private visionPhrase(pillar: PlanNode, last: number): number {
    const start = this.nextNonBlank(last);
    if (this.lines[start]?.kind !== 'text' || readPillarHeading(this.lines[start]?.text ?? '')) return last;
    const end = this.paragraphEnd(start);
    pillar.visionPhrase = joinJapanese(
      this.lines
        .slice(start, end + 1)
        .map((l) => l.text)
        .join(''),
    );
    this.label = `${this.label}「${pillar.visionPhrase}」`;
    return end;
  }

  private policies(line: NewsletterLine): void {
    for (const piece of splitPolicies(line.text)) {
      const node = this.build.node('policy', piece, this.place(line, `●${piece}`), this.pillar);
      node.code = '●';
      this.build.figures(node, piece, this.place(line, `●${piece}`), true);
      this.lastItem = { node, line: line.line };
    }
    this.box = null;
  }

  private numbered(line: NewsletterLine): void {
    const code = line.text.slice(0, 1);
    const node = this.build.node('policy', line.text.slice(1).trim(), this.place(line), this.pillar);
    node.code = code;
    this.lastNumbered = node;
    this.lastItem = { node, line: line.line };
    this.box = null;
  }

  private items(line: NewsletterLine): void {
    for (const piece of splitItems(line.text)) {
      const { title, note } = splitNote(piece);
      const place = this.place(line, piece);
      if (this.box && !this.inBlock && line.kind === 'item') {
        this.box.achievement.details.push(joinJapanese(title));
        this.box.bullets = true;
        this.box.lastLine = line.line;
        this.build.figures(this.box.node, title, place);
      } else if (this.pledge && line.kind === 'item' && !this.inBlock) {
        const node = this.build.node(
          this.lastNumbered ? 'program' : 'policy',
          title,
          place,
          this.lastNumbered ?? this.pillar,
        );
        this.lastItem = { node, line: line.line };
      } else {
        const node = this.pillar as PlanNode;
        const achievement = this.build.achievement(node, title, place, note ? { note } : {});
        this.build.figures(node, title, place);
        this.lastItem = { achievement, line: line.line };
      }
    }
    this.bulletsSeen = true;
  }

  private text(i: number): number {
    const line = this.lines[i] as NewsletterLine;
    const previous = this.lines[i - 1];
    if (this.lastItem && previous && previous.line === this.lastItem.line && previous.kind !== 'blank') {
      this.continueItem(line);
      return i;
    }
    if (
      this.box &&
      /^[をにでがはのと(（]/u.test(line.text) &&
      this.nextNonBlankBack(i) === this.box.lastLine
    ) {
      this.continueBox(line);
      return i;
    }
    if (this.inBlock) {
      this.warnings.push(
        `${line.line}行: 実績欄の箇条書きでない行を飛ばしました (skipped a non-bullet line in a results block): ${line.text}`,
      );
      return i;
    }
    return this.paragraph(i, this.paragraphEnd(i));
  }

  private nextNonBlankBack(i: number): number {
    let j = i - 1;
    while (j >= 0 && this.lines[j]?.kind === 'blank') j--;
    return this.lines[j]?.line ?? 0;
  }

  private continueItem(line: NewsletterLine): void {
    const item = this.lastItem;
    if (!item) return;
    const target = item.achievement ?? item.node;
    if (/^例[)）]/u.test(line.text) && item.achievement)
      item.achievement.details.push(joinJapanese(line.text));
    else if (target) target.title = joinJapanese(`${target.title}${line.text}`);
    item.line = line.line;
  }

  private continueBox(line: NewsletterLine): void {
    const box = this.box as Box;
    box.achievement.title = joinJapanese(`${box.achievement.title}${line.text}`);
    box.lastLine = line.line;
    this.plannedStatus(box, line);
  }

  /** 「…の決定(R3秋完成予定)」: what is only planned becomes a program with a planned status. */
  private plannedStatus(box: Box, line: NewsletterLine): void {
    const m = /[(（]([^)）]*予定)[)）]$/u.exec(box.achievement.title);
    if (!m || box.node !== this.pillar) return;
    const title = box.achievement.title.slice(0, m.index);
    const program = this.build.node(
      'program',
      title,
      {
        ...this.place(line),
        line: box.achievement.source.line ?? line.line,
        quote: box.achievement.source.quote ?? title,
      },
      this.pillar,
    );
    program.status = 'planned';
    program.statusDate = parseJapaneseDate((m[1] ?? '').replace(/完成?予定$/u, ''))?.text ?? null;
    program.statusSource = this.build.source(this.place(line, m[0]));
    (this.pillar as PlanNode).achievements = (this.pillar as PlanNode).achievements.filter(
      (a) => a !== box.achievement,
    );
    box.achievement.title = title;
    box.achievement.id = `${program.id}.a01`;
    program.achievements.push(box.achievement);
    box.node = program;
  }

  /** A boxed highlight opens with a line that a list follows or that states a result (→); else it explains the box. */
  private paragraph(start: number, end: number): number {
    const lines = this.lines.slice(start, end + 1);
    const first = lines[0] as NewsletterLine;
    const next = this.lines[this.nextNonBlank(end)];
    const listFollows = next?.kind === 'item' || next?.kind === 'dash';
    if (this.bulletsSeen && !listFollows) {
      this.warnings.push(
        `${first.line}行: 位置づけの分からない行を飛ばしました (skipped an unplaced line): ${first.text}`,
      );
      return end;
    }
    const opens = !this.box || this.box.bullets || listFollows || first.text.includes('→');
    if (!opens && this.box) {
      for (const l of lines) this.boxDetail(this.box, l);
      return end;
    }
    for (const part of first.text.split(/(?<=[)）])\s+(?=\S)/u)) this.openBox(first, part);
    if (this.box) for (const l of lines.slice(1)) this.boxDetail(this.box, l);
    return end;
  }

  private boxDetail(box: Box, line: NewsletterLine): void {
    box.achievement.details.push(joinJapanese(line.text));
    box.lastLine = line.line;
    this.build.figures(box.node, line.text, this.place(line));
  }

  private openBox(line: NewsletterLine, part: string): void {
    const { title, details } = splitBoxLine(part);
    const node = this.pillar as PlanNode;
    const place = this.place(line, part.trim());
    const achievement = this.build.achievement(node, title, place, { highlight: true, details });
    this.build.figures(node, part, place);
    this.box = { achievement, node, bullets: false, lastLine: line.line };
    this.plannedStatus(this.box, line);
  }
}

function isEmpty(node: PlanNode): boolean {
  return node.children.length === 0 && node.achievements.length === 0;
}

/** 「ふるさと納税は、金額で50.5倍! (就任前/679万→1月現在/3億4300万)」, 「超過勤務時間削減 -12.81% 約3200時間減)」, 「…の設置→業務改善」. */
export function splitBoxLine(text: string): { title: string; details: string[] } {
  const clean = text.replace(/[_{}]/gu, '').trim();
  const paren = /^(.+?)\s*[(（](.+?)[)）]?$/u.exec(clean);
  if (paren && !/予定/u.test(paren[2] ?? ''))
    return { title: paren[1] ?? clean, details: [joinJapanese(paren[2] ?? '')] };
  const figure = /\s+(?=[-−▲+約]?\d)/u.exec(clean);
  if (figure) {
    const rest = clean
      .slice(figure.index)
      .replace(/[)）]$/u, '')
      .trim();
    return { title: clean.slice(0, figure.index), details: rest.split(/\s+/u) };
  }
  const arrow = clean.indexOf('→');
  if (arrow > 0) return { title: clean.slice(0, arrow), details: [joinJapanese(clean.slice(arrow + 1))] };
  return { title: clean, details: [] };
}
