/**
 * The AccountStore over Kysely: users, password logins with a database-backed throttle, sessions, API tokens.
 *
 * @example const accounts = createAccountStore(db); const r = await accounts.login('tanaka', pw, '203.0.113.9')
 */
import type { Kysely } from 'kysely';
import type { AccountStore, AccountStoreOptions, LoginError, Result, User } from '../editing/contract.ts';
import { withEditingTables } from '../editing/tables.ts';
import type { Database } from '../schema.ts';
import * as apiTokens from './api-tokens.ts';
import * as throttle from './login-throttle.ts';
import { verifyNothing, verifyPassword } from './password.ts';
import * as sessions from './sessions.ts';
import * as users from './users.ts';

const invalidCredentials: LoginError = {
  code: 'invalid_credentials',
  message: 'ログイン名またはパスワードが違います (wrong login or password)',
};

async function storedPassword(db: Kysely<Database>, login: string): Promise<string | undefined> {
  const row = await withEditingTables(db)
    .selectFrom('user_account')
    .select('password')
    .where('login', '=', login)
    .executeTakeFirst();
  return row?.password;
}

export function createAccountStore(db: Kysely<Database>, options: AccountStoreOptions = {}): AccountStore {
  const now = options.now ?? (() => new Date());
  const settings: throttle.ThrottleSettings = {
    maxFailures: options.maxFailures ?? 5,
    maxFailuresPerLogin: options.maxFailuresPerLogin ?? 20,
    failureWindowSeconds: options.failureWindowSeconds ?? 900,
    lockoutSeconds: options.lockoutSeconds ?? 900,
    now,
  };
  const sessionSeconds = options.sessionSeconds ?? 8 * 3600;
  const apiTokenDays = options.apiTokenDays ?? apiTokens.defaultApiTokenDays;

  async function login(name: string, password: string, address: string): Promise<Result<User, LoginError>> {
    // The attempt is counted before the password is checked, so parallel guesses cannot all pass the gate.
    const gate = await throttle.takeLoginAttempt(db, settings, name, address);
    if (!gate.allowed) {
      const message = `ログインの試行が多すぎます。${gate.retryAfterSeconds}秒後にやり直してください (too many attempts; retry in ${gate.retryAfterSeconds} s)`;
      return { ok: false, error: { code: 'throttled', message, retryAfterSeconds: gate.retryAfterSeconds } };
    }
    const stored = await storedPassword(db, name);
    const matches =
      stored === undefined ? await verifyNothing(password) : await verifyPassword(password, stored);
    const user = matches ? await users.findUserByLogin(db, name) : undefined;
    // A disabled user's right password still fails, and counts, like a wrong one.
    if (!user || user.disabled) return { ok: false, error: invalidCredentials };
    await throttle.clearLoginFailures(db, name, address);
    return { ok: true, value: user };
  }

  return {
    addUser: (input, actor) => users.addUser(db, input, now(), actor),
    listUsers: (organizationId) => users.listUsers(db, organizationId),
    getUser: (id) => users.getUser(db, id),
    findUserByLogin: (name) => users.findUserByLogin(db, name),
    updateUser: (actor, userId, change) => users.updateUser(db, actor, userId, change, now()),
    resetPassword: (actor, userId, password) => users.resetPassword(db, actor, userId, password, now()),
    login,
    recordLoginFailure: (name, address) => throttle.recordLoginFailure(db, settings, name, address),
    loginThrottle: (name, address) => throttle.loginThrottle(db, settings, name, address),
    createSession: (userId) => sessions.createSession(db, userId, now(), sessionSeconds),
    authenticateSession: (token) => sessions.authenticateSession(db, token, now()),
    deleteSession: (token) => sessions.deleteSession(db, token),
    issueApiToken: (adminId, userId, label, tokenOptions) =>
      apiTokens.issueApiToken(db, adminId, userId, label, now(), {
        expiresInDays: tokenOptions?.expiresInDays ?? apiTokenDays,
        organizationId: tokenOptions?.organizationId,
      }),
    authenticateApiToken: (token) => apiTokens.authenticateApiToken(db, token, now()),
    revokeApiToken: (adminId, tokenId) => apiTokens.revokeApiToken(db, adminId, tokenId, now()),
    listApiTokens: (userId) => apiTokens.listApiTokens(db, userId),
  };
}
