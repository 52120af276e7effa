/** Reads a source document's text from the dataset folder, refusing paths that leave it. */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

export type DocumentTextResult = { ok: true; lines: string[] } | { ok: false; reason: 'outside' | 'missing' };

/**
 * The file's lines (line 1 first), or why they cannot be read.
 * @example readDocumentLines('data/demo/komoro', 'documents/komoro-pride-vol5.txt') // { ok: true, lines: […] }
 */
export async function readDocumentLines(datasetDir: string, file: string): Promise<DocumentTextResult> {
  const path = resolve(datasetDir, file);
  const inside = relative(resolve(datasetDir), path);
  if (inside.startsWith('..') || isAbsolute(inside)) return { ok: false, reason: 'outside' };
  try {
    const text = await readFile(path, 'utf8');
    return { ok: true, lines: text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n') };
  } catch {
    return { ok: false, reason: 'missing' };
  }
}
