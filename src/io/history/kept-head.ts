/**
 * A chain head someone kept: typed as `SEQ:HASH`, or saved in a file (an `export.json` with its `historyHead`, or
 * the static site's `history-head.json`).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { type ChainHead, parseChainHead } from '../../domain/editing/hash-chain.ts';
import { chainHeadSchema } from '../../domain/model.ts';

const keptHeadFileSchema = z.union([chainHeadSchema, z.object({ historyHead: chainHeadSchema })]);

export type KeptHead = { ok: true; head: ChainHead } | { ok: false; error: string };

/**
 * Reads `--head`'s value, e.g. `await readKeptHead('412:9c…')` or `await readKeptHead('saved/export.json')`.
 */
export async function readKeptHead(value: string): Promise<KeptHead> {
  const typed = parseChainHead(value);
  if (typed) return { ok: true, head: typed };
  let text: string;
  try {
    text = await readFile(value, 'utf8');
  } catch {
    return {
      ok: false,
      error: `--head は SEQ:HASH か保存したファイルです (--head must be SEQ:HASH or a saved file): ${value}`,
    };
  }
  let parsed: z.infer<typeof keptHeadFileSchema>;
  try {
    parsed = keptHeadFileSchema.parse(JSON.parse(text));
  } catch {
    return {
      ok: false,
      error: `${value} に変更履歴の先頭 (historyHead) がありません (${value} holds no history head: expected {"seq","hash"} or an export with historyHead)`,
    };
  }
  return { ok: true, head: 'historyHead' in parsed ? parsed.historyHead : parsed };
}
