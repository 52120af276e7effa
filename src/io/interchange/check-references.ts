/**
 * What the schema alone cannot see but the database would refuse half-way through an import: an id used twice
 * in one table, and a source naming a document the file does not hold. Found up front, every one with its path.
 */
import type { OrganizationDocument, SourceRef } from '../../domain/model.ts';
import { walkNodes } from '../../domain/plan-tree.ts';
import type { InterchangeIssue } from './interchange-issue.ts';
import { formatJsonPath } from './json-path.ts';

type Path = (string | number)[];

/** Record kinds whose ids share one table, and so one namespace. */
type IdKind =
  | 'document'
  | 'plan'
  | 'statement'
  | 'node'
  | 'achievement'
  | 'evaluation'
  | 'indicator'
  | 'observation';

class ReferenceChecker {
  readonly issues: InterchangeIssue[] = [];
  private readonly seen = new Map<string, string>();
  private readonly documentIds: Set<string>;

  constructor(doc: OrganizationDocument) {
    this.documentIds = new Set(doc.documents.map((d) => d.id));
  }

  id(kind: IdKind, id: string, path: Path): void {
    const key = `${kind}\u0000${id}`;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, formatJsonPath(path));
      return;
    }
    this.issues.push({
      path: formatJsonPath([...path, 'id']),
      message: `ID「${id}」が重複しています (duplicate ${kind} id; first at ${first})`,
    });
  }

  source(ref: SourceRef | undefined, path: Path): void {
    if (ref === undefined || this.documentIds.has(ref.documentId)) return;
    this.issues.push({
      path: formatJsonPath([...path, 'documentId']),
      message: `資料「${ref.documentId}」が documents にありません (document not listed in documents)`,
    });
  }
}

function checkPlanContent(check: ReferenceChecker, doc: OrganizationDocument): void {
  for (const [p, plan] of doc.plans.entries()) {
    check.id('plan', plan.id, ['plans', p]);
    check.source(plan.source, ['plans', p, 'source']);
    for (const [s, statement] of plan.statements.entries()) {
      check.id('statement', statement.id, ['plans', p, 'statements', s]);
      check.source(statement.source, ['plans', p, 'statements', s, 'source']);
    }
    for (const { node, path } of walkNodes(plan.nodes, ['plans', p])) {
      check.id('node', node.id, path);
      check.source(node.source, [...path, 'source']);
      check.source(node.statusSource, [...path, 'statusSource']);
      for (const [i, a] of node.achievements.entries()) {
        check.id('achievement', a.id, [...path, 'achievements', i]);
        check.source(a.source, [...path, 'achievements', i, 'source']);
      }
      for (const [i, e] of node.evaluations.entries()) {
        check.id('evaluation', e.id, [...path, 'evaluations', i]);
        check.source(e.source, [...path, 'evaluations', i, 'source']);
      }
      for (const [i, indicator] of node.indicators.entries()) {
        const at = [...path, 'indicators', i];
        check.id('indicator', indicator.id, at);
        check.source(indicator.baseline?.source, [...at, 'baseline', 'source']);
        check.source(indicator.target?.source, [...at, 'target', 'source']);
        for (const [o, observation] of indicator.observations.entries()) {
          if (observation.id !== undefined)
            check.id('observation', observation.id, [...at, 'observations', o]);
          check.source(observation.source, [...at, 'observations', o, 'source']);
        }
        for (const [r, reported] of indicator.reported.entries()) {
          check.source(reported.source, [...at, 'reported', r, 'source']);
        }
      }
    }
  }
}

/**
 * Every duplicate id and dangling document reference, with its JSON path; [] when the document can be saved.
 * @example checkReferences(doc) // [{ path: '$.plans[1].id', message: 'ID「mirai-2016」が重複しています …' }]
 */
export function checkReferences(doc: OrganizationDocument): InterchangeIssue[] {
  const check = new ReferenceChecker(doc);
  for (const [i, d] of doc.documents.entries()) check.id('document', d.id, ['documents', i]);
  checkPlanContent(check, doc);
  return check.issues;
}
