/** Links to nodes of other plans: what this node carries on, and what carries it on. */
import type { NodeLinkTarget } from '../../store/read-store.ts';
import { nodeHref } from '../pages/labels.ts';

export interface NodeLinksProps {
  links: NodeLinkTarget[];
}

export function NodeLinks({ links }: NodeLinksProps) {
  return (
    <ul>
      {links.map((link) => (
        <li>
          <a href={nodeHref(link.id)}>{link.title}</a>
          <span class="meta">（{link.planTitle}）</span>
        </li>
      ))}
    </ul>
  );
}
