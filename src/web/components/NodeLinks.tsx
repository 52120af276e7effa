/** Links to nodes of other plans: what this node carries on, and what carries it on. */
import type { NodeLinkTarget } from '../../store/read-store.ts';
import { contentLang, nodeHref, useLang } from '../i18n/index.ts';

export interface NodeLinksProps {
  links: NodeLinkTarget[];
}

export function NodeLinks({ links }: NodeLinksProps) {
  const lang = useLang();
  return (
    <ul>
      {links.map((link) => (
        <li lang={contentLang(lang)}>
          <a href={nodeHref(link.id, lang)}>{link.title}</a>
          <span class="meta">（{link.planTitle}）</span>
        </li>
      ))}
    </ul>
  );
}
