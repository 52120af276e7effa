/** Japanese content inside running text: bare on a Japanese page, wrapped in <span lang="ja"> on an English one. */
import type { Child } from 'hono/jsx';
import { useLang } from '../i18n/index.ts';

export function Ja({ children }: { children?: Child }) {
  return useLang() === 'en' ? <span lang="ja">{children}</span> : children;
}
