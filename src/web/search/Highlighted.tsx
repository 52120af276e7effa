/** Text with its matches in <mark>. The fragments are plain text; JSX escapes every one of them. */
import type { SnippetFragment } from '../../store/search/index.ts';

export interface HighlightedProps {
  fragments: SnippetFragment[];
}

export function Highlighted({ fragments }: HighlightedProps) {
  return <>{fragments.map((f) => (f.match ? <mark>{f.text}</mark> : f.text))}</>;
}
