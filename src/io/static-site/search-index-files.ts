/**
 * The browser search's index on disk: `search-index.json`, and the same array as a script (file:// forbids
 * fetch), written one plan's records at a time so the build never holds the whole site's index.
 */
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadStore } from '../../store/read-store.ts';
import { staticSearchEntriesByPlan } from './search-index.ts';
import { writeSiteFile } from './site-file.ts';

export const searchIndexFile = 'search-index.json';
export const searchIndexScript = 'search-index.js';

/**
 * Writes both files and answers how many records they hold. The bytes are `JSON.stringify` of the whole array's.
 * @example await writeSearchIndex('public', store) // 290
 */
export async function writeSearchIndex(outDir: string, store: ReadStore): Promise<number> {
  // Made (with their folder) empty first, then appended to.
  await writeSiteFile(outDir, searchIndexFile, '');
  await writeSiteFile(outDir, searchIndexScript, '');
  const json = await open(join(outDir, searchIndexFile), 'w');
  const script = await open(join(outDir, searchIndexScript), 'w');
  try {
    const append = async (text: string) => {
      await json.write(text);
      await script.write(text);
    };
    await script.write('globalThis.mierukaSearchIndex = ');
    let count = 0;
    for await (const entries of staticSearchEntriesByPlan(store)) {
      if (entries.length === 0) continue;
      const items = entries.map((entry) => JSON.stringify(entry)).join(',');
      await append(`${count === 0 ? '[' : ','}${items}`);
      count += entries.length;
    }
    await append(count === 0 ? '[]' : ']');
    await script.write(';\n');
    return count;
  } finally {
    await json.close();
    await script.close();
  }
}
