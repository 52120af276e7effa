/**
 * `mieruka backup <file> [--force]`: a consistent copy of the whole database (content, history, users, API tokens,
 * drafts) while the server keeps running. SQLite through its online backup API; PostgreSQL through `pg_dump -Fc`.
 * See docs/backup-restore.md.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatChainHead } from '../domain/editing/hash-chain.ts';
import { dumpPostgres } from '../store/backup/postgres-tools.ts';
import { backupSqlite, checkSqliteBackup } from '../store/backup/sqlite-backup.ts';
import { parseDatabaseUrl } from '../store/db.ts';
import { type CliIo, parseCommandArgs, UsageError } from './command.ts';
import { readSettings } from './config/index.ts';

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The one positional file and `--force`, shared with restore. */
export function parseFileArgs(args: string[], command: string): { file: string; force: boolean } {
  const { values, positionals } = parseCommandArgs(args, { force: { type: 'boolean', default: false } });
  if (positionals.length !== 1)
    throw new UsageError(
      `ファイルを 1 つ指定してください (give one file): mieruka ${command} <file> [--force]`,
    );
  return { file: positionals[0]!, force: values.force === true };
}

async function backupSqliteFile(source: string, file: string, force: boolean, io: CliIo): Promise<number> {
  if (source === ':memory:')
    throw new UsageError(
      'メモリ上のデータベースはバックアップできません (an in-memory database cannot be backed up)',
    );
  if (!existsSync(source)) {
    io.err(`データベースがありません (no database at ${source})`);
    return 1;
  }
  if (resolve(source) === resolve(file))
    throw new UsageError('バックアップ先がデータベースそのものです (the backup file is the database itself)');
  if (existsSync(file)) {
    if (!force) {
      io.err(
        `${file} はすでにあります。上書きするには --force を付けてください (${file} exists; add --force to overwrite)`,
      );
      return 1;
    }
    for (const path of [file, `${file}-wal`, `${file}-shm`]) rmSync(path, { force: true });
  }
  const result = await backupSqlite(source, file);
  const check = checkSqliteBackup(file);
  if (!check.ok) {
    io.err(check.error);
    return 1;
  }
  io.out(
    `バックアップしました (backed up): ${file}, ${megabytes(result.bytes)} MB, ${result.milliseconds} ms, ${check.revisions} revisions, head ${formatChainHead(check.head)}`,
  );
  return 0;
}

async function backupPostgres(url: string, file: string, force: boolean, io: CliIo): Promise<number> {
  if (existsSync(file) && !force) {
    io.err(
      `${file} はすでにあります。上書きするには --force を付けてください (${file} exists; add --force to overwrite)`,
    );
    return 1;
  }
  const started = performance.now();
  const dumped = await dumpPostgres(url, file);
  if (!dumped.ok) {
    io.err(dumped.error);
    return 1;
  }
  const milliseconds = Math.round(performance.now() - started);
  io.out(
    `バックアップしました (backed up with pg_dump -Fc): ${file}, ${megabytes(statSync(file).size)} MB, ${milliseconds} ms`,
  );
  return 0;
}

/** Runs `mieruka backup`; 1 when the database is missing, the file exists without --force, or the copy fails. */
export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const { file, force } = parseFileArgs(args, 'backup');
  const target = parseDatabaseUrl(readSettings(io.env).databaseUrl);
  return target.dialect === 'sqlite'
    ? backupSqliteFile(target.path, file, force, io)
    : backupPostgres(target.connectionString, file, force, io);
}
