/** The two Komoro seeds, parsed and scored against the hand-made demo plans of the same newsletters. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoDatasetDir, loadDataset } from '../dataset.ts';
import { parseNewsletter } from './parse-newsletter.ts';
import { type NewsletterScore, scoreAgainstDemo } from './score.ts';

export const seedPairs = [
  { documentId: 'komoro-pride-vol5', planIds: ['mirai-2016'] },
  { documentId: 'komoro-brand-vol10', planIds: ['ashiato-2024', 'mirai-2024'] },
] as const;

export interface SeedScore {
  documentId: string;
  score: NewsletterScore;
}

/** Parses each seed text (never looking at the demo) and only then compares with the demo plans. */
export async function scoreSeeds(): Promise<SeedScore[]> {
  const dataset = await loadDataset(demoDatasetDir);
  const scores: SeedScore[] = [];
  for (const pair of seedPairs) {
    const text = await readFile(join(demoDatasetDir, 'documents', `${pair.documentId}.txt`), 'utf8');
    const { plan } = parseNewsletter(text, { documentId: pair.documentId, planId: 'draft' });
    const expected = dataset.plans.filter((p) => (pair.planIds as readonly string[]).includes(p.id));
    scores.push({ documentId: pair.documentId, score: scoreAgainstDemo(plan, expected) });
  }
  return scores;
}
