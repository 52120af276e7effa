/**
 * Failed logins, kept in the database so every process sees the same count: one count per (login, address) and
 * one per login whatever the address (rotating addresses cannot buy more guesses at one account). After `limit`
 * attempts within the window, further attempts wait `lockoutSeconds` after the last one.
 *
 * An attempt is counted *before* its password is checked, in one transaction that locks the counts it reads
 * (an upsert takes the row lock on PostgreSQL and the write lock on SQLite): 40 guesses sent at once cannot all
 * read "no failures yet". A success then takes its own attempt back.
 */
import type { Kysely } from 'kysely';
import type { LoginThrottle } from '../editing/contract.ts';
import { withEditingTables } from '../editing/tables.ts';
import type { Database } from '../schema.ts';
import { toNumber } from '../values.ts';

export interface ThrottleSettings {
  /** Attempts per login and address. */
  maxFailures: number;
  /** Attempts per login from all addresses together. */
  maxFailuresPerLogin: number;
  failureWindowSeconds: number;
  lockoutSeconds: number;
  now: () => Date;
}

/** The address of the per-login count: no client address is `*`. */
export const anyAddress = '*';

interface FailureCount {
  failures: number;
  first_failed_at: string;
  last_failed_at: string;
}

interface Decision {
  throttle: LoginThrottle;
  /** The count after this attempt (unchanged when it is refused). */
  count: FailureCount;
}

const allowed: LoginThrottle = { allowed: true, retryAfterSeconds: 0 };

const secondsBetween = (from: string, to: Date) => (to.getTime() - Date.parse(from)) / 1000;

/** Whether one more attempt may go against `count`, and the count it leaves. */
function decide(count: FailureCount, limit: number, settings: ThrottleSettings): Decision {
  const now = settings.now();
  const at = now.toISOString();
  const waited = secondsBetween(count.last_failed_at, now);
  const forgotten = waited >= Math.max(settings.failureWindowSeconds, settings.lockoutSeconds);
  if (count.failures === 0 || forgotten) {
    return { throttle: allowed, count: { failures: 1, first_failed_at: at, last_failed_at: at } };
  }
  if (count.failures >= limit && waited < settings.lockoutSeconds) {
    const retryAfterSeconds = Math.max(1, Math.ceil(settings.lockoutSeconds - waited));
    return { throttle: { allowed: false, retryAfterSeconds }, count };
  }
  return { throttle: allowed, count: { ...count, failures: count.failures + 1, last_failed_at: at } };
}

/** Reads a count and locks it until the transaction ends, creating it (at zero) when there is none. */
async function lockCount(
  trx: Kysely<Database>,
  login: string,
  address: string,
  at: string,
): Promise<FailureCount> {
  const row = await withEditingTables(trx)
    .insertInto('login_failure')
    .values({ login, address, failures: 0, first_failed_at: at, last_failed_at: at })
    .onConflict((oc) =>
      oc.columns(['login', 'address']).doUpdateSet((eb) => ({ failures: eb.ref('login_failure.failures') })),
    )
    .returning(['failures', 'first_failed_at', 'last_failed_at'])
    .executeTakeFirstOrThrow();
  return { ...row, failures: toNumber(row.failures) };
}

async function writeCount(trx: Kysely<Database>, login: string, address: string, count: FailureCount) {
  await withEditingTables(trx)
    .updateTable('login_failure')
    .set(count)
    .where('login', '=', login)
    .where('address', '=', address)
    .execute();
}

/**
 * Counts one attempt at `login` from `address` if the throttle lets it through; otherwise changes nothing and
 * says how long to wait. Call it before checking the password.
 */
export async function takeLoginAttempt(
  database: Kysely<Database>,
  settings: ThrottleSettings,
  login: string,
  address: string,
): Promise<LoginThrottle> {
  const at = settings.now().toISOString();
  return database.transaction().execute(async (trx) => {
    // Always the pair first, then the login: the same order everywhere cannot deadlock.
    const pair = decide(await lockCount(trx, login, address, at), settings.maxFailures, settings);
    const account = decide(
      await lockCount(trx, login, anyAddress, at),
      settings.maxFailuresPerLogin,
      settings,
    );
    const refused = [pair, account].filter((d) => !d.throttle.allowed);
    if (refused.length > 0) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(...refused.map((d) => d.throttle.retryAfterSeconds)),
      };
    }
    await writeCount(trx, login, address, pair.count);
    await writeCount(trx, login, anyAddress, account.count);
    return allowed;
  });
}

/** Whether another attempt may be made now, and if not, for how long to wait (reads only). */
export async function loginThrottle(
  database: Kysely<Database>,
  settings: ThrottleSettings,
  login: string,
  address: string,
): Promise<LoginThrottle> {
  const rows = await withEditingTables(database)
    .selectFrom('login_failure')
    .select(['address', 'failures', 'first_failed_at', 'last_failed_at'])
    .where('login', '=', login)
    .where('address', 'in', [address, anyAddress])
    .execute();
  const decisions = rows.map((row) =>
    decide(
      { ...row, failures: toNumber(row.failures) },
      row.address === anyAddress ? settings.maxFailuresPerLogin : settings.maxFailures,
      settings,
    ),
  );
  const refused = decisions.filter((d) => !d.throttle.allowed);
  if (refused.length === 0) return allowed;
  return { allowed: false, retryAfterSeconds: Math.max(...refused.map((d) => d.throttle.retryAfterSeconds)) };
}

/** Counts one failure (an attempt made elsewhere); a failure after the window has passed starts the count again. */
export async function recordLoginFailure(
  database: Kysely<Database>,
  settings: ThrottleSettings,
  login: string,
  address: string,
): Promise<void> {
  await takeLoginAttempt(database, settings, login, address);
}

/**
 * After a successful login: forgets the failures of the pair and takes this attempt back from the login's count
 * (the failures from other addresses stay counted).
 */
export async function clearLoginFailures(
  database: Kysely<Database>,
  login: string,
  address: string,
): Promise<void> {
  const db = withEditingTables(database);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('login_failure').where('login', '=', login).where('address', '=', address).execute();
    await trx
      .updateTable('login_failure')
      .set((eb) => ({ failures: eb('failures', '-', 1) }))
      .where('login', '=', login)
      .where('address', '=', anyAddress)
      .where('failures', '>', 0)
      .execute();
  });
}
