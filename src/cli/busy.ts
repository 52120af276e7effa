/** What a command says, and how it exits, when its write waited for the database's lock and did not get it. */
import { isDatabaseBusy } from '../store/database-busy.ts';
import type { CliIo } from './command.ts';

export const databaseBusyMessage =
  '別の処理がデータベースに書き込み中です。待ちましたが終わらなかったため、何も保存していません。' +
  'しばらくしてからやり直すか、MIERUKA_WRITE_WAIT_SECONDS で待つ時間を延ばしてください ' +
  '(another process is writing to the database; waited for it and saved nothing. Try again shortly, ' +
  'or wait longer with MIERUKA_WRITE_WAIT_SECONDS)';

/** EX_TEMPFAIL of sysexits.h: "try again later", which a cron job or a retrying script can tell apart. */
export const databaseBusyExitCode = 75;

/** For a busy database: prints the plain sentence (no stack trace) and gives the exit code; else undefined. */
export function exitWhenBusy(error: unknown, io: CliIo): number | undefined {
  if (!isDatabaseBusy(error)) return undefined;
  io.err(databaseBusyMessage);
  return databaseBusyExitCode;
}
