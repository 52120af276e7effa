/** Writes one file of the static site under its folder, creating the folders it needs. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { safeFile } from './site-paths.ts';

const isMissingFolder = (error: unknown) =>
  error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Writes `body` to `file` (relative to `outDir`). Most files go into a folder already made for the file before
 * them, so the folder is made only when the write finds it missing: no set of made folders to keep for the site.
 * @example await writeSiteFile('public', 'plans/x/index.html', html)
 */
export async function writeSiteFile(outDir: string, file: string, body: string | Uint8Array): Promise<void> {
  if (!safeFile(file)) throw new Error(`書き出せないパスです (unsafe path): ${file}`);
  const path = join(outDir, file);
  try {
    await writeFile(path, body);
  } catch (error) {
    if (!isMissingFolder(error)) throw error;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, body);
  }
}
