/** Login sessions: the browser holds a random token, the database only its SHA-256, the user and the expiry. */
import type { Kysely } from 'kysely';
import type { Session, User } from '../editing/contract.ts';
import { withEditingTables } from '../editing/tables.ts';
import type { Database } from '../schema.ts';
import { newSecretToken, tokenHash } from './secret-token.ts';
import { userFromRow } from './user-rows.ts';

export async function createSession(
  database: Kysely<Database>,
  userId: string,
  now: Date,
  lifetimeSeconds: number,
): Promise<Session> {
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + lifetimeSeconds * 1000).toISOString();
  await withEditingTables(database)
    .insertInto('session')
    .values({
      token_hash: tokenHash(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    })
    .execute();
  return { token, userId, expiresAt };
}

/** The user of a live session; expired sessions are deleted when met. */
export async function authenticateSession(
  database: Kysely<Database>,
  token: string,
  now: Date,
): Promise<User | undefined> {
  const db = withEditingTables(database);
  const hash = tokenHash(token);
  const row = await db
    .selectFrom('session')
    .innerJoin('user_account', 'user_account.id', 'session.user_id')
    .selectAll('user_account')
    .select('session.expires_at')
    .where('session.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row) return undefined;
  if (Date.parse(row.expires_at) <= now.getTime()) {
    await db.deleteFrom('session').where('token_hash', '=', hash).execute();
    return undefined;
  }
  const user = userFromRow(row);
  return user.disabled ? undefined : user;
}

export async function deleteSession(database: Kysely<Database>, token: string): Promise<void> {
  await withEditingTables(database)
    .deleteFrom('session')
    .where('token_hash', '=', tokenHash(token))
    .execute();
}

/** Ends every session of a user, after a password reset or when the user is disabled. */
export async function deleteUserSessions(database: Kysely<Database>, userId: string): Promise<void> {
  await withEditingTables(database).deleteFrom('session').where('user_id', '=', userId).execute();
}
