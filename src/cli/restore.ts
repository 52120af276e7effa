/**
 * `mieruka restore <file> [--force]`: puts a backup made by `mieruka backup` in place of the DATABASE_URL database,
 * after checking that the file is an intact Mieruka database (SQLite) or a pg_dump archive (PostgreSQL), and
 * refusing to replace a database that has data or is in use unless --force. Verifies the restored history.
 */
import { resolve } from 'node:path';
import { formatChainHead } from '../domain/editing/hash-chain.ts';
import { verifyHistory } from '../io/history/verify-history.ts';
import { databaseContents } from '../store/backup/database-contents.ts';
import { listPostgresDump, restorePostgres } from '../store/backup/postgres-tools.ts';
import { checkSqliteBackup, restoreSqlite, restoreTargetState } from '../store/backup/sqlite-backup.ts';
import { parseDatabaseUrl } from '../store/db.ts';
import { parseFileArgs } from './backup.ts';
import { type CliIo, UsageError } from './command.ts';
import { readSettings } from './config/index.ts';
import { openConfiguredDatabase, openMigratedDatabase } from './database.ts';

const refusals = {
  'in-use': (reason: string) =>
    `データベースが使用中のため復元しません。サーバーを止めるか --force を付けてください (refusing to restore over a database in use: ${reason}; stop the server or add --force)`,
  'not-empty': (reason: string) =>
    `データベースにデータがあるため復元しません。置き換えるには --force を付けてください (refusing to restore over a database that holds data: ${reason}; add --force to replace it)`,
};

async function restoreSqliteFile(target: string, file: string, force: boolean, io: CliIo): Promise<number> {
  if (target === ':memory:')
    throw new UsageError(
      'メモリ上のデータベースには復元できません (cannot restore into an in-memory database)',
    );
  if (resolve(target) === resolve(file))
    throw new UsageError('バックアップとデータベースが同じファイルです (the backup is the database itself)');
  const check = checkSqliteBackup(file);
  if (!check.ok) {
    io.err(check.error);
    return 1;
  }
  const state = restoreTargetState(target);
  if ((state.state === 'in-use' || state.state === 'not-empty') && !force) {
    io.err(refusals[state.state](state.reason));
    return 1;
  }
  const result = await restoreSqlite(file, target);
  io.out(
    `復元しました (restored): ${file} → ${target}, ${check.revisions} revisions, head ${formatChainHead(check.head)}, ${result.milliseconds} ms`,
  );
  return 0;
}

async function restorePostgresDump(url: string, file: string, force: boolean, io: CliIo): Promise<number> {
  const listed = await listPostgresDump(file);
  if (!listed.ok) {
    io.err(
      `${file} は pg_dump -Fc のバックアップとして読めません (not a pg_dump custom-format archive): ${listed.error}`,
    );
    return 1;
  }
  const handle = openConfiguredDatabase(io);
  const contents = await databaseContents(handle.db).finally(() => handle.close());
  if (contents.state === 'not-empty' && !force) {
    io.err(refusals['not-empty'](contents.reason));
    return 1;
  }
  const restored = await restorePostgres(url, file, { replace: contents.state !== 'absent' });
  if (!restored.ok) {
    io.err(restored.error);
    return 1;
  }
  io.out(`復元しました (restored with pg_restore): ${file}`);
  return 0;
}

async function verifyRestored(io: CliIo): Promise<number> {
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  try {
    const report = await verifyHistory(handle.db);
    if (report.ok) {
      io.out(
        `復元したデータベースの変更履歴と公開データを確かめました (verified: chain intact, tables match the history), head ${formatChainHead(report.head)}`,
      );
      return 0;
    }
    io.err(
      '復元したデータベースの検証に失敗しました。mieruka verify で詳しく見てください (the restored database fails verification; run mieruka verify for details)',
    );
    return 1;
  } finally {
    await handle.close();
  }
}

/** Runs `mieruka restore`; 1 when the file is not a backup, the target has data or is in use without --force, or verify fails. */
export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const { file, force } = parseFileArgs(args, 'restore');
  const target = parseDatabaseUrl(readSettings(io.env).databaseUrl);
  const code =
    target.dialect === 'sqlite'
      ? await restoreSqliteFile(target.path, file, force, io)
      : await restorePostgresDump(target.connectionString, file, force, io);
  return code === 0 ? verifyRestored(io) : code;
}
