/** Nodes under a pillar or policy: title, status badge, latest indicator values, then their own children. */
import type { PlanNode, StatusDefinition } from '../../domain/model.ts';
import { localTitle } from '../i18n/content.ts';
import { codedTitle, contentLang, nodeHref, useLang } from '../i18n/index.ts';
import { IndicatorSummary } from './IndicatorSummary.tsx';
import { NodeStatus } from './progress/NodeStatus.tsx';

export interface NodeListProps {
  nodes: PlanNode[];
  vocabulary: readonly StatusDefinition[];
}

export function NodeList({ nodes, vocabulary }: NodeListProps) {
  const lang = useLang();
  if (nodes.length === 0) return null;
  return (
    <ul class="node-list">
      {nodes.map((node) => (
        <li>
          <p class="node-title">
            <NodeStatus vocabulary={vocabulary} node={node} />
            <a href={nodeHref(node.id, lang)} lang={localTitle(node, lang).japaneseOnly ? 'ja' : undefined}>
              {localTitle(node, lang).text}
            </a>
          </p>
          <IndicatorSummary indicators={node.indicators} />
          <NodeList nodes={node.children} vocabulary={vocabulary} />
        </li>
      ))}
    </ul>
  );
}
