/**
 * Shared steps of the history and backup tests: run a command on a database and keep what it prints, count the rows
 * a backup must keep, and change a node's title the way staff do (a draft, then published).
 */
import type { Kysely } from 'kysely';
import { runCli } from '../../src/cli/run.ts';
import { createAccountStore } from '../../src/store/accounts/index.ts';
import { openDatabase } from '../../src/store/db.ts';
import type { User } from '../../src/store/editing/contract.ts';
import { createEditingStore } from '../../src/store/editing/index.ts';
import { withEditingTables } from '../../src/store/editing/tables.ts';
import type { Database } from '../../src/store/schema.ts';
import { captureIo } from './cli-io.ts';

/** `mieruka …args` with DATABASE_URL set, e.g. `await runOn(file, 'verify')`. */
export async function runOn(databaseUrl: string, ...args: string[]) {
  const io = captureIo(databaseUrl);
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

/** How many revisions, users, API tokens and drafts the database holds: what export → import would lose. */
export async function countKeptRows(databaseUrl: string) {
  const handle = openDatabase(databaseUrl);
  try {
    const db = withEditingTables(handle.db);
    const count = async (table: 'revision' | 'user_account' | 'api_token' | 'draft_change') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      revisions: await count('revision'),
      users: await count('user_account'),
      apiTokens: await count('api_token'),
      drafts: await count('draft_change'),
    };
  } finally {
    await handle.close();
  }
}

/** The admin `login`, added the first time it is asked for. */
export async function adminNamed(db: Kysely<Database>, login: string): Promise<User> {
  const accounts = createAccountStore(db);
  const existing = await accounts.findUserByLogin(login);
  if (existing) return existing;
  const added = await accounts.addUser({ login, password: 'sample-password-1', role: 'admin' });
  if (!added.ok) throw new Error(JSON.stringify(added.error));
  return added.value;
}

/** Saves a draft giving the node a new title, as the staff form does; resolves with the draft's id. */
export async function saveNodeTitle(db: Kysely<Database>, user: User, nodeId: string, title: string) {
  const editing = createEditingStore(db);
  const record = await editing.getRecord('node', nodeId);
  const saved = await editing.saveChange(user, {
    entity: 'node',
    action: 'update',
    id: nodeId,
    data: { ...record?.data, title },
    version: record?.version ?? null,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
  return saved.value.id;
}

/** Saves and publishes a new title for the node, as an admin's edit does. */
export async function publishNodeTitle(db: Kysely<Database>, admin: User, nodeId: string, title: string) {
  const draftId = await saveNodeTitle(db, admin, nodeId, title);
  const published = await createEditingStore(db).publish(admin, [draftId]);
  if (!published.ok) throw new Error(JSON.stringify(published.error));
}
