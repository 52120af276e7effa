/**
 * The plan tree as staff see it: published content with drafts overlaid, each changed item badged, and for each
 * node its edit link, small up/down POST forms, and links to add what hangs under it.
 */
import type { Indicator, PlanNode, StatusDefinition } from '../../domain/model.ts';
import type { IndicatorValueIds, PlanWithDrafts } from '../../store/editing/contract.ts';
import { csrfFieldName } from '../auth/csrf.ts';
import { DraftBadge } from './DraftBadge.tsx';
import { nodeKindWords, optionText, statusText } from './option-labels.ts';

export interface StaffTreeProps {
  planId: string;
  nodes: PlanNode[];
  drafts: PlanWithDrafts['drafts'];
  valueIds: PlanWithDrafts['valueIds'];
  csrfToken: string;
  /** The plan's status words, so a node shows 完了 rather than done. */
  statusVocabulary: readonly StatusDefinition[];
}

const edit = (entity: string, id: string) => `/admin/records/${entity}/${encodeURIComponent(id)}`;
const add = (entity: string, query: Record<string, string>) =>
  `/admin/records/${entity}/new?${new URLSearchParams(query)}`;

function MoveForm({ id, direction, csrfToken }: { id: string; direction: 'up' | 'down'; csrfToken: string }) {
  return (
    <form method="post" action={`/admin/nodes/${encodeURIComponent(id)}/move`} class="inline-form">
      <input type="hidden" name={csrfFieldName} value={csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit">{direction === 'up' ? '↑ 上へ (up)' : '↓ 下へ (down)'}</button>
    </form>
  );
}

interface IndicatorItemProps {
  indicator: Indicator;
  drafts: PlanWithDrafts['drafts'];
  ids: IndicatorValueIds | undefined;
}

/** A value with its edit link where it has a record (a value drafted away has none), badged when drafted. */
function ValueLink(props: {
  id: string | null | undefined;
  label: string;
  drafts: PlanWithDrafts['drafts'];
}) {
  if (!props.id) return <>{props.label}</>;
  return (
    <>
      <a href={edit('indicatorValue', props.id)}>{props.label}</a>{' '}
      <DraftBadge draft={props.drafts[props.id]} />
    </>
  );
}

function IndicatorItem({ indicator, drafts, ids }: IndicatorItemProps) {
  const addValue = (role: 'baseline' | 'target') => (
    <a href={add('indicatorValue', { indicatorId: indicator.id, role, position: '0' })}>
      {role === 'baseline' ? '基準値を追加 (add baseline)' : '目標値を追加 (add target)'}
    </a>
  );
  const point = (role: 'baseline' | 'target', label: string) => {
    const value = indicator[role];
    return (
      <li>
        {label}:{' '}
        {value ? (
          <ValueLink id={ids?.[role]} label={value.text ?? String(value.value)} drafts={drafts} />
        ) : (
          addValue(role)
        )}{' '}
        {value?.date ?? ''}
      </li>
    );
  };
  return (
    <li>
      指標 (indicator): <a href={edit('indicator', indicator.id)}>{indicator.name}</a>{' '}
      <DraftBadge draft={drafts[indicator.id]} />
      <ul>
        {point('baseline', '基準値 (baseline)')}
        {point('target', '目標値 (target)')}
        {indicator.observations.map((o, n) => (
          <li>
            実績値 (observation):{' '}
            <ValueLink id={ids?.observations[n] ?? o.id} label={o.text ?? String(o.value)} drafts={drafts} />{' '}
            {o.date ?? ''}
          </li>
        ))}
        <li>
          <a
            href={add('indicatorValue', {
              indicatorId: indicator.id,
              role: 'observation',
              position: String(indicator.observations.length),
            })}
          >
            実績値を追加 (add observation)
          </a>
        </li>
      </ul>
    </li>
  );
}

function NodeItem({
  node,
  index,
  count,
  props,
}: {
  node: PlanNode;
  index: number;
  count: number;
  props: StaffTreeProps;
}) {
  const { drafts, valueIds, csrfToken, planId } = props;
  const under = { nodeId: node.id };
  return (
    <li>
      <a href={edit('node', node.id)}>
        {node.code && node.code !== node.title ? `${node.code} ` : ''}
        {node.title}
      </a>{' '}
      <span class="meta">
        {optionText(node.kind, nodeKindWords)} {statusText(node.status, props.statusVocabulary)}
      </span>{' '}
      <DraftBadge draft={drafts[node.id]} />{' '}
      <a href={`/history/node/${encodeURIComponent(node.id)}`}>履歴 (history)</a>
      {index > 0 ? <MoveForm id={node.id} direction="up" csrfToken={csrfToken} /> : null}
      {index < count - 1 ? <MoveForm id={node.id} direction="down" csrfToken={csrfToken} /> : null}
      <ul>
        {node.indicators.map((indicator) => (
          <IndicatorItem indicator={indicator} drafts={drafts} ids={valueIds[indicator.id]} />
        ))}
        {node.achievements.map((a) => (
          <li>
            実績 (achievement): <a href={edit('achievement', a.id)}>{a.title}</a>{' '}
            <DraftBadge draft={drafts[a.id]} />
          </li>
        ))}
        {node.evaluations.map((e) => (
          <li>
            評価 (evaluation):{' '}
            <a href={edit('evaluation', e.id)}>{`${e.fiscalYear ?? ''} ${e.grade ?? ''}`}</a>{' '}
            <DraftBadge draft={drafts[e.id]} />
          </li>
        ))}
        <li class="meta">
          追加 (add):{' '}
          <a href={add('node', { planId, parentId: node.id, position: String(node.children.length) })}>
            子ノード (child node)
          </a>
          {' · '}
          <a href={add('indicator', { ...under, position: String(node.indicators.length) })}>
            指標 (indicator)
          </a>
          {' · '}
          <a href={add('achievement', { ...under, position: String(node.achievements.length) })}>
            実績 (achievement)
          </a>
          {' · '}
          <a href={add('evaluation', { ...under, position: String(node.evaluations.length) })}>
            評価 (evaluation)
          </a>
        </li>
      </ul>
      {node.children.length > 0 ? <NodeLevel nodes={node.children} props={props} /> : null}
    </li>
  );
}

function NodeLevel({ nodes, props }: { nodes: PlanNode[]; props: StaffTreeProps }) {
  return (
    <ol class="staff-tree">
      {nodes.map((node, index) => (
        <NodeItem node={node} index={index} count={nodes.length} props={props} />
      ))}
    </ol>
  );
}

export function StaffTree(props: StaffTreeProps) {
  return <NodeLevel nodes={props.nodes} props={props} />;
}
