/**
 * The settings tables of the README and docs/operations.md are the ones printed from the schema
 * (`npx tsx src/cli/config/print-settings-table.ts`), between `<!-- settings:ja -->` and `<!-- settings:en -->` markers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settingsTable, settingsTableMarkers } from '../src/cli/config/index.ts';

const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

/** The text between a language's markers, or undefined when the document has none. */
function markedTable(text: string, language: 'ja' | 'en'): string | undefined {
  const { start, end } = settingsTableMarkers(language);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) return undefined;
  return text.slice(from + start.length, to).trim();
}

describe.each(['docs/operations.md', 'README.md'])('the settings tables of %s', (file) => {
  const text = read(file);
  const hasMarkers = (['ja', 'en'] as const).every((language) => markedTable(text, language) !== undefined);

  // The README gets its markers when the tables are added there; docs/operations.md must have them.
  it.skipIf(file === 'README.md' && !hasMarkers).each(['ja', 'en'] as const)(
    'holds the generated %s table',
    (language) => {
      expect(markedTable(text, language)).toBe(settingsTable(language));
    },
  );
});
