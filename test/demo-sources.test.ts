/**
 * Every fact in the demo must be traceable: each sourced record of every plan file points at a document of
 * organization.yaml, and its quote is printed on the line it names. Runs over every plan of every demo organization
 * (data/demo/komoro, data/demo/hirakata).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationDocument, PlanNode, SourceRef } from '../src/domain/model.ts';
import { demoDatasetDir, loadDataset, otherDemoDatasetDirs } from '../src/io/dataset.ts';

interface Sourced {
  /** Where the record sits, to name it in a failure. */
  path: string;
  id: string | undefined;
  source: SourceRef | undefined;
  /** Only for observations, which must be dated. */
  date?: string | null;
}

function walkNode(node: PlanNode, out: Sourced[]): void {
  out.push({ path: `node ${node.id}`, id: node.id, source: node.source });
  if (node.statusSource) out.push({ path: `status of ${node.id}`, id: undefined, source: node.statusSource });
  for (const a of node.achievements) out.push({ path: `achievement ${a.id}`, id: a.id, source: a.source });
  for (const i of node.indicators) {
    out.push({ path: `indicator ${i.id}`, id: i.id, source: undefined });
    if (i.baseline) out.push({ path: `baseline of ${i.id}`, id: undefined, source: i.baseline.source });
    if (i.target) out.push({ path: `target of ${i.id}`, id: undefined, source: i.target.source });
    for (const [n, o] of i.observations.entries()) {
      out.push({ path: `observation ${n} of ${i.id}`, id: o.id, source: o.source, date: o.date });
    }
    for (const [n, r] of i.reported.entries()) {
      out.push({ path: `reported ${n} of ${i.id}`, id: undefined, source: r.source });
    }
  }
  for (const e of node.evaluations) out.push({ path: `evaluation ${e.id}`, id: e.id, source: e.source });
  for (const sheet of node.programSheets) {
    out.push({ path: `program sheet ${sheet.id}`, id: sheet.id, source: sheet.source });
    for (const [n, r] of sheet.reported.entries()) {
      if (r.source) out.push({ path: `reported ${n} of ${sheet.id}`, id: undefined, source: r.source });
    }
  }
  for (const child of node.children) walkNode(child, out);
}

/** Every record of the dataset that has an id or a source, plans first. */
function sourcedRecords(dataset: OrganizationDocument): Sourced[] {
  const out: Sourced[] = [];
  for (const plan of dataset.plans) {
    out.push({ path: `plan ${plan.id}`, id: plan.id, source: plan.source });
    for (const s of plan.statements) out.push({ path: `statement ${s.id}`, id: s.id, source: s.source });
    for (const e of plan.evaluations) out.push({ path: `evaluation ${e.id}`, id: e.id, source: e.source });
    for (const [n, r] of (plan.reported ?? []).entries()) {
      out.push({ path: `reported ${n} (${r.label}) of ${plan.id}`, id: undefined, source: r.source });
    }
    for (const node of plan.nodes) walkNode(node, out);
  }
  return out;
}

// OCR text breaks lines and inserts spaces at random; the quote must survive only a whitespace-blind match.
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.each([demoDatasetDir, ...otherDemoDatasetDirs])('demo dataset sources in %s', (datasetDir) => {
  let dataset: OrganizationDocument;
  let records: Sourced[];
  const documentLines = new Map<string, string[]>();

  beforeAll(async () => {
    dataset = await loadDataset(datasetDir);
    records = sourcedRecords(dataset);
    for (const doc of dataset.documents) {
      if (!doc.file) continue;
      const file = join(datasetDir, doc.file);
      if (existsSync(file)) documentLines.set(doc.id, readFileSync(file, 'utf8').split(/\r?\n/));
    }
  });

  it('loads at least one plan and walks its records', () => {
    expect(dataset.plans.length).toBeGreaterThan(0);
    expect(records.length).toBeGreaterThan(dataset.plans.length);
  });

  it('gives every document of organization.yaml a text file that exists', () => {
    const missing = dataset.documents.filter((d) => !documentLines.has(d.id)).map((d) => d.id);
    expect(missing).toEqual([]);
  });

  it('gives every plan, node, statement, achievement and value a source in a known document', () => {
    const known = new Set(dataset.documents.map((d) => d.id));
    const bad = records
      .filter((r) => !r.path.startsWith('indicator '))
      .filter((r) => !r.source || !known.has(r.source.documentId))
      .map((r) => `${r.path}: ${r.source?.documentId ?? 'no source'}`);
    expect(bad).toEqual([]);
  });

  it('finds every quote on the line its source names', () => {
    const bad: string[] = [];
    for (const { path, source } of records) {
      if (!source) continue;
      const lines = documentLines.get(source.documentId);
      if (source.line === undefined || source.quote === undefined || source.quote.trim() === '') {
        bad.push(`${path}: line and quote are required`);
        continue;
      }
      const line = lines?.[source.line - 1];
      if (line === undefined || !squeeze(line).includes(squeeze(source.quote))) {
        bad.push(`${path}: 「${source.quote}」 is not on ${source.documentId}:${source.line}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('dates every observation', () => {
    const observations = records.filter((r) => r.path.startsWith('observation '));
    // Komoro's plans are full of observations; a dataset of published rollups may have none.
    if (datasetDir === demoDatasetDir) expect(observations.length).toBeGreaterThan(0);
    expect(observations.filter((r) => !r.date).map((r) => r.path)).toEqual([]);
  });

  it('uses every id once across the whole dataset', () => {
    const seen = new Map<string, number>();
    for (const { id } of records) if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
    const duplicates = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
    expect(duplicates).toEqual([]);
  });
});
