/** How many records of each kind a document holds, for the import's summary line. */
import type { OrganizationDocument } from '../../domain/model.ts';
import { walkNodes } from '../../domain/plan-tree.ts';

export interface RecordCounts {
  documents: number;
  plans: number;
  nodes: number;
  indicators: number;
  observations: number;
  achievements: number;
  evaluations: number;
  programSheets: number;
}

/**
 * Counts the records of a document.
 * @example countRecords(doc).plans // 3
 */
export function countRecords(doc: OrganizationDocument): RecordCounts {
  const counts: RecordCounts = {
    documents: doc.documents.length,
    plans: doc.plans.length,
    nodes: 0,
    indicators: 0,
    observations: 0,
    achievements: 0,
    evaluations: 0,
    programSheets: 0,
  };
  for (const plan of doc.plans) {
    counts.evaluations += plan.evaluations.length;
    for (const { node } of walkNodes(plan.nodes)) {
      counts.nodes += 1;
      counts.indicators += node.indicators.length;
      counts.observations += node.indicators.reduce((sum, i) => sum + i.observations.length, 0);
      counts.achievements += node.achievements.length;
      counts.evaluations += node.evaluations.length;
      counts.programSheets += node.programSheets.length;
    }
  }
  return counts;
}

/** "3 plans, 120 nodes, …" for the CLI. */
export const formatCounts = (counts: RecordCounts): string =>
  Object.entries(counts)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
