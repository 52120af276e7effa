/**
 * PostgreSQL backup and restore through the PostgreSQL client tools: `pg_dump -Fc` writes one consistent snapshot
 * (a single repeatable-read transaction) while the server keeps writing; `pg_restore` loads it in one transaction.
 * The password travels in PGPASSWORD, not on the command line where `ps` shows it.
 */
import { execFile } from 'node:child_process';

export type ToolResult = { ok: true } | { ok: false; error: string };

/** The URL without its password, and the environment that carries it. */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    url: parsed.toString(),
    env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env },
  };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(tool, args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
      if (!error) resolve({ ok: true });
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        resolve({
          ok: false,
          error: `${tool} が見つかりません。PostgreSQL のクライアント (postgresql-client) を入れてください (${tool} not found: install the PostgreSQL client tools, the same major version as the server or newer)`,
        });
      else
        resolve({
          ok: false,
          error: `${tool} が失敗しました (${tool} failed): ${stderr.trim() || error.message}`,
        });
    });
  });
}

/** `pg_dump -Fc` of the database at `url` into `file`, e.g. `await dumpPostgres(process.env.DATABASE_URL, 'b.dump')`. */
export function dumpPostgres(url: string, file: string): Promise<ToolResult> {
  const target = connection(url);
  return run(
    'pg_dump',
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target.url}`],
    target.env,
  );
}

/**
 * `pg_restore` of `file` into the database at `url`, all or nothing; `replace` drops the objects the dump holds first.
 * @example await restorePostgres(url, 'b.dump', { replace: false })
 */
export function restorePostgres(
  url: string,
  file: string,
  { replace }: { replace: boolean },
): Promise<ToolResult> {
  const target = connection(url);
  const args = ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error'];
  if (replace) args.push('--clean', '--if-exists');
  return run('pg_restore', [...args, `--dbname=${target.url}`, file], target.env);
}

/** Lists a dump's contents: fails unless `file` is a pg_dump custom-format archive. */
export function listPostgresDump(file: string): Promise<ToolResult> {
  return run('pg_restore', ['--list', file], { ...process.env });
}
