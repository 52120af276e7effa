/**
 * What lies below a large pillar on the plan page, folded (issue 16): each child with its status, its link and how
 * many indicators and items it holds, not their values; the values and charts are on the child's own page. A page
 * that lists 240 indicators' latest values costs its renderer and its reader alike whatever they came for.
 */
import type { PlanNode, StatusDefinition } from '../../domain/model.ts';
import { indicatorsOf, nodesOf } from '../../domain/plan-tree.ts';
import { localTitle } from '../i18n/content.ts';
import { contentLang, nodeHref, useLang, useMessages } from '../i18n/index.ts';
import { NodeStatus } from './progress/NodeStatus.tsx';

/** Indicators below a pillar that its plan page still lists with their values (the demo's pillars hold at most 7). */
export const indicatorsListedInFull = 10;

/** Items below a pillar listed in full; the Komoro demo's largest pillar holds 25. */
export const nodesListedInFull = 50;

/** Children listed when folded; the rest are on the pillar's page. */
export const foldedNodesShown = 50;

/** Whether the plan page folds what is below this pillar. */
export function foldsBelow(pillar: PlanNode): boolean {
  return (
    indicatorsOf(pillar.children).length > indicatorsListedInFull ||
    nodesOf(pillar.children).length > nodesListedInFull
  );
}

export interface FoldedNodeListProps {
  pillar: PlanNode;
  vocabulary: readonly StatusDefinition[];
}

export function FoldedNodeList({ pillar, vocabulary }: FoldedNodeListProps) {
  const t = useMessages();
  const lang = useLang();
  const shown = pillar.children.slice(0, foldedNodesShown);
  const rest = pillar.children.length - shown.length;
  return (
    <>
      <p class="meta">{t.belowFolded(indicatorsOf(pillar.children).length)}</p>
      <ul class="node-list">
        {shown.map((node) => {
          const indicators = indicatorsOf([node]).length;
          const below = nodesOf(node.children).length;
          return (
            <li>
              <p class="node-title">
                <NodeStatus vocabulary={vocabulary} node={node} />
                <a
                  href={nodeHref(node.id, lang)}
                  lang={localTitle(node, lang).japaneseOnly ? 'ja' : undefined}
                >
                  {localTitle(node, lang).text}
                </a>
              </p>
              {indicators > 0 || below > 0 ? <p class="meta">{t.countsBelow(indicators, below)}</p> : null}
            </li>
          );
        })}
      </ul>
      {rest > 0 ? (
        <p>
          {t.moreItems(rest)}{' '}
          <a href={nodeHref(pillar.id, lang)} lang={contentLang(lang)}>
            {localTitle(pillar, lang).text}
          </a>
        </p>
      ) : null}
    </>
  );
}
