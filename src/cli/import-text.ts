/** `mieruka import-text <file.txt> [--out plan.json]`: a newsletter's text → a draft plan for review, never published. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Plan } from '../domain/model.ts';
import { nodesOf } from '../domain/plan-tree.ts';
import { parseNewsletter } from '../io/newsletter/index.ts';
import { type CliIo, UsageError } from './command.ts';

function parseArgs(args: string[]): { file: string; out: string | null } {
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? (args[outAt + 1] ?? null) : null;
  if (outAt >= 0 && !out)
    throw new UsageError('--out の後にファイル名がありません (--out needs a file name)');
  const rest = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
  if (rest.length !== 1 || !rest[0])
    throw new UsageError('テキストファイルを1つ指定してください (give one text file)');
  return { file: rest[0], out };
}

/** "draft-komoro-pride-vol5" from "komoro-pride-vol5.txt": ids are lowercase words. */
function idFrom(file: string): string {
  const stem = basename(file)
    .replace(/\.[^.]*$/u, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/gu, '-');
  return /^[a-z0-9]/u.test(stem) ? stem : `doc-${stem}`;
}

function count(plan: Plan): Record<string, number> {
  const all = nodesOf(plan.nodes);
  const indicators = all.flatMap((n) => n.indicators);
  return {
    pillars: all.filter((n) => n.kind === 'pillar').length,
    policies: all.filter((n) => n.kind !== 'pillar').length,
    achievements: all.reduce((s, n) => s + n.achievements.length, 0),
    indicators: indicators.length,
    figures: indicators.reduce(
      (s, i) => s + (i.baseline ? 1 : 0) + (i.target ? 1 : 0) + i.observations.length + i.reported.length,
      0,
    ),
  };
}

/** Runs `mieruka import-text`: the draft to --out or stdout, what it found to stderr. */
export async function runImportText(args: string[], io: CliIo): Promise<number> {
  const { file, out } = parseArgs(args);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    io.err(`ファイルを読めません (cannot read file): ${file}`);
    return 1;
  }
  const documentId = idFrom(file);
  const { plan, warnings } = parseNewsletter(text, { documentId, planId: `draft-${documentId}` });
  const draft = JSON.stringify({ status: 'draft', plan, warnings }, null, 2);
  if (out) await writeFile(out, `${draft}\n`);
  else io.out(draft);
  const c = count(plan);
  io.err('これは確認用の下書きです。公開されません (this is a draft for review; nothing is published)');
  io.err(
    `柱 ${c.pillars} · 施策/事業 ${c.policies} · 実績 ${c.achievements} · 指標 ${c.indicators} · 数値 ${c.figures} (pillars · policies/programs · achievements · indicators · figures)`,
  );
  for (const w of warnings) io.err(`注意 (warning): ${w}`);
  if (out) io.err(`下書きを書き出しました (draft written): ${out}`);
  return 0;
}
