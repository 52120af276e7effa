/**
 * Content in the reader's language: the English text on an English page when the data has one, else the Japanese
 * marked lang="ja"; `mark` adds a visible 「日本語のみ」 / "Japanese only" tag so a reader knows why it is Japanese.
 */
import type { LocalText } from '../i18n/content.ts';

export function JapaneseOnlyMark() {
  return <small class="ja-only">Japanese only</small>;
}

export function LocalContent({ local, mark = false }: { local: LocalText; mark?: boolean }) {
  if (!local.japaneseOnly) return <>{local.text}</>;
  return (
    <>
      <span lang="ja">{local.text}</span>
      {mark ? (
        <>
          {' '}
          <JapaneseOnlyMark />
        </>
      ) : null}
    </>
  );
}
