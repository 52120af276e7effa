/** Builds the nested node tree from flat node records and the records attached to each node. */

import type { NodeRecord } from '../domain/editing/records.ts';
import type { Achievement, Evaluation, Indicator, PlanNode, ProgramSheet } from '../domain/model.ts';

export interface NodeParts {
  continues: Map<string, string[]>;
  achievements: Map<string, Achievement[]>;
  evaluations: Map<string, Evaluation[]>;
  indicators: Map<string, Indicator[]>;
  programSheets: Map<string, ProgramSheet[]>;
}

/**
 * Nests records under their parents, keeping the input order among siblings (callers sort by position).
 * @example assembleTree([{ id: 'a', parentId: null, … }, { id: 'b', parentId: 'a', … }], parts)[0].children[0].id // 'b'
 */
export function assembleTree(records: NodeRecord[], parts: NodeParts): PlanNode[] {
  const childrenOf = new Map<string | null, NodeRecord[]>();
  for (const record of records) {
    const siblings = childrenOf.get(record.parentId);
    if (siblings) siblings.push(record);
    else childrenOf.set(record.parentId, [record]);
  }
  const build = ({
    planId: _planId,
    parentId: _parentId,
    position: _position,
    ...record
  }: NodeRecord): PlanNode => ({
    ...record,
    continues: parts.continues.get(record.id) ?? [],
    achievements: parts.achievements.get(record.id) ?? [],
    indicators: parts.indicators.get(record.id) ?? [],
    evaluations: parts.evaluations.get(record.id) ?? [],
    programSheets: parts.programSheets.get(record.id) ?? [],
    children: (childrenOf.get(record.id) ?? []).map(build),
  });
  return (childrenOf.get(null) ?? []).map(build);
}
