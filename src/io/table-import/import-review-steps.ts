/**
 * The two steps every table import takes before it writes, whatever the table's shape: find the staff account its
 * drafts are saved under, and turn the warnings staff confirmed into the lines each record's history keeps.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { draftAuthorId } from '../../store/table-import/index.ts';
import { fileError, type TableRowError } from '../tables/table-error.ts';
import type { ImportWarning } from './plausibility-check.ts';

export interface DraftAuthorOptions {
  file: string;
  actor?: string;
  dryRun?: boolean;
  publish?: boolean;
}

/** The lines a record's history keeps for each confirmed warning, by record id. */
export function confirmedLines(warnings: readonly ImportWarning[]): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const w of warnings) {
    const list = lines.get(w.recordId) ?? [];
    list.push(`${w.id} ${w.messageJa} (${w.messageEn})`);
    lines.set(w.recordId, list);
  }
  return lines;
}

/** The staff account drafts are saved under, or a whole-file error when the actor has none. */
export async function draftAuthor(
  db: Kysely<Database>,
  options: DraftAuthorOptions,
): Promise<{ ok: true; id: string | undefined } | { ok: false; error: TableRowError }> {
  if (options.publish === true || options.dryRun) return { ok: true, id: undefined };
  const login = options.actor ?? 'system';
  const id = await draftAuthorId(db, login);
  if (id !== undefined) return { ok: true, id };
  return {
    ok: false,
    error: fileError(
      { file: options.file },
      `下書きとして取り込むには職員アカウントが必要です。「${login}」というログイン名の有効なアカウントがありません。MIERUKA_ACTOR に職員のログイン名を設定するか、すぐ公開するなら --publish を付けてください`,
      `importing as drafts needs a staff account, and there is no active account with the login ${login}: set MIERUKA_ACTOR to a staff login, or add --publish to publish at once`,
    ),
  };
}
