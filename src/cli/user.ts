/**
 * `mieruka user add|list|passwd`: staff accounts from the command line, e.g. the first admin after installing.
 * Passwords come from a hidden prompt or stdin, never from the arguments.
 */
import { roles } from '../domain/editing/permissions.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import type { AccountStore, Role } from '../store/editing/contract.ts';
import { type CliIo, UsageError } from './command.ts';
import { openMigratedDatabase } from './database.ts';
import { type PasswordSource, processPasswordSource, readPassword } from './password-input.ts';

interface AddOptions {
  login: string;
  role: Role;
  nodeIds: string[] | null;
  /** The organization's id or 団体コード; null: operator-wide. */
  organizationId: string | null;
}

/** Reads `add <login> --role R [--nodes a,b] [--organization id|団体コード]`; throws UsageError. */
export function parseAddArgs(args: string[]): AddOptions {
  const [login, ...rest] = args;
  if (login === undefined || login.startsWith('-'))
    throw new UsageError('ログイン名がありません (login missing)');
  let role: string | undefined;
  let nodeIds: string[] | null = null;
  let organizationId: string | null = null;
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined) throw new UsageError(`${flag} の値がありません (value missing)`);
    if (flag === '--role') role = value;
    else if (flag === '--nodes') nodeIds = value.split(',').filter((id) => id !== '');
    else if (flag === '--organization') organizationId = value;
    else throw new UsageError(`不明なオプションです (unknown option): ${flag}`);
  }
  if (!roles.includes(role as Role))
    throw new UsageError(
      `--role は ${roles.join('|')} のいずれかです (role must be one of ${roles.join(', ')})`,
    );
  return { login, role: role as Role, nodeIds, organizationId };
}

function printIssues(io: CliIo, issues: { field: string; message: string }[]): void {
  for (const issue of issues) io.err(issue.field ? `${issue.field}: ${issue.message}` : issue.message);
}

async function add(
  accounts: AccountStore,
  args: string[],
  io: CliIo,
  source: PasswordSource,
): Promise<number> {
  const options = parseAddArgs(args);
  const password = await readPassword(source, 'パスワード (password): ');
  const added = await accounts.addUser({ ...options, password });
  if (!added.ok) {
    if (added.error.code === 'invalid') printIssues(io, added.error.issues);
    return 1;
  }
  const organization = added.value.organizationId === null ? '' : `, ${added.value.organizationId}`;
  io.out(`ユーザーを追加しました (user added): ${added.value.login} (${added.value.role}${organization})`);
  return 0;
}

async function list(accounts: AccountStore, io: CliIo): Promise<number> {
  for (const user of await accounts.listUsers()) {
    const scope = user.nodeIds === null ? '' : ` nodes=${user.nodeIds.join(',')}`;
    const organization = user.organizationId === null ? '' : ` organization=${user.organizationId}`;
    io.out(`${user.login}\t${user.role}${user.disabled ? '\tdisabled' : ''}${scope}${organization}`);
  }
  return 0;
}

async function passwd(
  accounts: AccountStore,
  args: string[],
  io: CliIo,
  source: PasswordSource,
): Promise<number> {
  const [login] = args;
  if (login === undefined || args.length !== 1)
    throw new UsageError('ログイン名を1つ指定してください (give one login)');
  const user = await accounts.findUserByLogin(login);
  if (!user) {
    io.err(`ユーザーが見つかりません (no such user): ${login}`);
    return 1;
  }
  const password = await readPassword(source, '新しいパスワード (new password): ');
  // The command line acts with the database owner's authority, as an admin would.
  const system = {
    id: 'cli',
    login: 'cli',
    role: 'admin' as const,
    nodeIds: null,
    organizationId: null,
    disabled: false,
  };
  const reset = await accounts.resetPassword(system, user.id, password);
  if (!reset.ok) {
    if (reset.error.code === 'invalid') printIssues(io, reset.error.issues);
    return 1;
  }
  io.out(`パスワードを変更しました (password changed): ${login}`);
  return 0;
}

/** Runs `mieruka user`, reading passwords from the terminal or stdin unless a test passes a stream. */
export async function runUser(
  args: string[],
  io: CliIo,
  source: PasswordSource = processPasswordSource,
): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'add' && sub !== 'list' && sub !== 'passwd')
    throw new UsageError(
      `add, list, passwd のいずれかを指定してください (expected add, list or passwd): ${sub ?? '(none)'}`,
    );
  if (sub === 'add') parseAddArgs(rest);
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  try {
    const accounts = createAccountStore(handle.db);
    if (sub === 'add') return await add(accounts, rest, io, source);
    if (sub === 'list') return await list(accounts, io);
    return await passwd(accounts, rest, io, source);
  } finally {
    await handle.close();
  }
}
