/**
 * Failed logins per (login, address), kept in the database so every process sees the same count.
 * After `maxFailures` failures within the window, attempts wait `lockoutSeconds` after the last failure.
 */
import type { Kysely } from 'kysely';
import type { LoginThrottle } from '../editing/contract.ts';
import { withEditingTables } from '../editing/tables.ts';
import type { Database } from '../schema.ts';
import { toNumber } from '../values.ts';

export interface ThrottleSettings {
  maxFailures: number;
  failureWindowSeconds: number;
  lockoutSeconds: number;
  now: () => Date;
}

const secondsBetween = (from: string, to: Date) => (to.getTime() - Date.parse(from)) / 1000;

/** Whether another attempt may be made now, and if not, for how long to wait. */
export async function loginThrottle(
  database: Kysely<Database>,
  settings: ThrottleSettings,
  login: string,
  address: string,
): Promise<LoginThrottle> {
  const row = await withEditingTables(database)
    .selectFrom('login_failure')
    .selectAll()
    .where('login', '=', login)
    .where('address', '=', address)
    .executeTakeFirst();
  const now = settings.now();
  if (!row || toNumber(row.failures) < settings.maxFailures) return { allowed: true, retryAfterSeconds: 0 };
  const waited = secondsBetween(row.last_failed_at, now);
  if (waited >= settings.lockoutSeconds) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.ceil(settings.lockoutSeconds - waited) };
}

/** Counts one failure; a failure after the window has passed starts the count again. */
export async function recordLoginFailure(
  database: Kysely<Database>,
  settings: ThrottleSettings,
  login: string,
  address: string,
): Promise<void> {
  const db = withEditingTables(database);
  const now = settings.now();
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('login_failure')
      .selectAll()
      .where('login', '=', login)
      .where('address', '=', address)
      .executeTakeFirst();
    if (!row) {
      await trx
        .insertInto('login_failure')
        .values({ login, address, failures: 1, first_failed_at: at, last_failed_at: at })
        .onConflict((oc) =>
          oc.columns(['login', 'address']).doUpdateSet((eb) => ({
            failures: eb('login_failure.failures', '+', 1),
            last_failed_at: at,
          })),
        )
        .execute();
      return;
    }
    const expired =
      secondsBetween(row.last_failed_at, now) >=
      Math.max(settings.failureWindowSeconds, settings.lockoutSeconds);
    await trx
      .updateTable('login_failure')
      .set((eb) =>
        expired
          ? { failures: 1, first_failed_at: at, last_failed_at: at }
          : { failures: eb('failures', '+', 1), last_failed_at: at },
      )
      .where('login', '=', login)
      .where('address', '=', address)
      .execute();
  });
}

/** Forgets the failures of a pair, after a successful login. */
export async function clearLoginFailures(
  database: Kysely<Database>,
  login: string,
  address: string,
): Promise<void> {
  await withEditingTables(database)
    .deleteFrom('login_failure')
    .where('login', '=', login)
    .where('address', '=', address)
    .execute();
}
