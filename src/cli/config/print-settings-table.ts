/** Prints the settings tables (Japanese, then English) with their markers, to paste into a document. */
import { markedSettingsTable } from './settings-table.ts';

console.log(`${markedSettingsTable('ja')}\n\n${markedSettingsTable('en')}`);
