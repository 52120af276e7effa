/**
 * The settings table of the README and docs/operations.md, printed from the schema's descriptions so that the
 * documentation cannot drift from what `readSettings` accepts. `npx tsx src/cli/config/print-settings-table.ts`
 * prints both tables with their markers.
 */
import { docOf, type SettingName, settingsShape } from './settings.ts';

export type TableLanguage = 'ja' | 'en';

const headers: Record<TableLanguage, string> = {
  ja: '| 名前 | 既定 | 内容 | 値 |',
  en: '| name | default | what it does | value |',
};

const none: Record<TableLanguage, string> = { ja: '（なし）', en: '(none)' };

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The markdown table of every setting in one language, without markers. */
export function settingsTable(language: TableLanguage): string {
  const rows = (Object.keys(settingsShape) as SettingName[]).map((name) => {
    const doc = docOf(name);
    const shownDefault = doc.shownDefault === undefined ? none[language] : `\`${doc.shownDefault}\``;
    return `| \`${name}\` | ${cell(shownDefault)} | ${cell(doc[language])} | ${cell(doc.expected[language])} |`;
  });
  return [headers[language], '|---|---|---|---|', ...rows].join('\n');
}

/** The comments a document puts around the generated table, e.g. `<!-- settings:ja -->`. */
export function settingsTableMarkers(language: TableLanguage): { start: string; end: string } {
  return { start: `<!-- settings:${language} -->`, end: `<!-- /settings:${language} -->` };
}

/** The table with its markers, as a document holds it. */
export function markedSettingsTable(language: TableLanguage): string {
  const { start, end } = settingsTableMarkers(language);
  return `${start}\n${settingsTable(language)}\n${end}`;
}
