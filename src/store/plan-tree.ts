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
  const childrenOf = childrenByParent(records);
  return (childrenOf.get(null) ?? []).map(nodeBuilder(childrenOf, parts));
}

/**
 * One node with its subtree, and its ancestors (from the pillar down, without their children or parts: a node page
 * names them, nothing more). Undefined when the node is not among the records.
 */
export function assembleSubtree(
  records: NodeRecord[],
  parts: NodeParts,
  nodeId: string,
): { node: PlanNode; ancestors: PlanNode[] } | undefined {
  const byId = new Map(records.map((record) => [record.id, record]));
  const record = byId.get(nodeId);
  if (!record) return undefined;
  const none: NodeParts = {
    continues: new Map(),
    achievements: new Map(),
    evaluations: new Map(),
    indicators: new Map(),
    programSheets: new Map(),
  };
  const bare = nodeBuilder(new Map(), none);
  const ancestors: PlanNode[] = [];
  for (let parent = record.parentId; parent !== null; ) {
    const above = byId.get(parent);
    if (!above) break;
    ancestors.unshift(bare(above));
    parent = above.parentId;
  }
  return { node: nodeBuilder(childrenByParent(records), parts)(record), ancestors };
}

/**
 * The ids of a node and everything below it, the node first; empty when the node is not among the records.
 * @example subtreeIds([{ id: 'a', parentId: null, … }, { id: 'b', parentId: 'a', … }], 'a') // ['a', 'b']
 */
export function subtreeIds(records: NodeRecord[], nodeId: string): string[] {
  if (!records.some((record) => record.id === nodeId)) return [];
  const childrenOf = childrenByParent(records);
  const ids: string[] = [];
  const walk = (id: string) => {
    ids.push(id);
    for (const child of childrenOf.get(id) ?? []) walk(child.id);
  };
  walk(nodeId);
  return ids;
}

function childrenByParent(records: NodeRecord[]): Map<string | null, NodeRecord[]> {
  const childrenOf = new Map<string | null, NodeRecord[]>();
  for (const record of records) {
    const siblings = childrenOf.get(record.parentId);
    if (siblings) siblings.push(record);
    else childrenOf.set(record.parentId, [record]);
  }
  return childrenOf;
}

function nodeBuilder(childrenOf: Map<string | null, NodeRecord[]>, parts: NodeParts) {
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
  return build;
}
