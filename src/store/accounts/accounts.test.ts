import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import type { DatabaseHandle } from '../db.ts';
import type { AccountStore, User } from '../editing/contract.ts';
import { withEditingTables } from '../editing/tables.ts';
import { migrateToLatest } from '../migrate.ts';
import { createAccountStore } from './index.ts';

const password = 'komoro-password-1';
const address = '203.0.113.9';

describe.each(testDatabases)('AccountStore on $name', (database) => {
  let handle: DatabaseHandle;
  let clock: Date;
  let accounts: AccountStore;
  let admin: User;

  const advance = (seconds: number) => {
    clock = new Date(clock.getTime() + seconds * 1000);
  };

  async function add(login: string, role: User['role'] = 'editor'): Promise<User> {
    const added = await accounts.addUser({ login, password, role });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    return added.value;
  }

  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
    clock = new Date('2026-11-21T09:00:00Z');
    accounts = createAccountStore(handle.db, { maxFailures: 3, lockoutSeconds: 60, now: () => clock });
    admin = await add('admin', 'admin');
  });
  afterEach(async () => {
    await handle?.close();
  });

  describe('users', () => {
    it('adds a user whose password logs in and is not stored in clear', async () => {
      const editor = await add('tanaka');
      expect(editor).toMatchObject({
        login: 'tanaka',
        role: 'editor',
        nodeIds: null,
        disabled: false,
        version: 1,
      });
      const login = await accounts.login('tanaka', password, address);
      expect(login).toMatchObject({ ok: true, value: { id: editor.id } });
      const row = await withEditingTables(handle.db)
        .selectFrom('user_account')
        .select('password')
        .where('id', '=', editor.id)
        .executeTakeFirstOrThrow();
      expect(row.password).not.toContain(password);
      expect(JSON.parse(row.password)).toMatchObject({ algorithm: 'scrypt', N: expect.any(Number) });
    });

    it('refuses a taken login, a short password and an unknown role, naming the fields', async () => {
      const taken = await accounts.addUser({ login: 'admin', password, role: 'viewer' });
      expect(taken).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ field: 'login' }] } });
      const bad = await accounts.addUser({ login: 'x', password: 'short', role: 'boss' as User['role'] });
      expect(bad.ok).toBe(false);
      if (!bad.ok && bad.error.code === 'invalid')
        expect(bad.error.issues.map((i) => i.field).sort()).toEqual(['password', 'role']);
    });

    it('lets an admin change role and department, and refuses an editor', async () => {
      const editor = await add('tanaka');
      const changed = await accounts.updateUser(admin, editor.id, { role: 'viewer', nodeIds: ['pillar-1'] });
      expect(changed).toMatchObject({
        ok: true,
        value: { role: 'viewer', nodeIds: ['pillar-1'], version: 2 },
      });
      expect(await accounts.updateUser(editor, admin.id, { role: 'viewer' })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await accounts.updateUser(admin, 'nobody', { role: 'viewer' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });

    it('refuses to demote or disable the last admin', async () => {
      const demoted = await accounts.updateUser(admin, admin.id, { role: 'editor' });
      expect(demoted).toMatchObject({ ok: false, error: { code: 'invalid', issues: [{ field: 'role' }] } });
      expect((await accounts.updateUser(admin, admin.id, { disabled: true })).ok).toBe(false);
      const second = await add('second', 'admin');
      expect((await accounts.updateUser(second, admin.id, { role: 'editor' })).ok).toBe(true);
    });

    it('disabling a user ends their sessions and refuses their login', async () => {
      const editor = await add('tanaka');
      const session = await accounts.createSession(editor.id);
      expect(await accounts.authenticateSession(session.token)).toMatchObject({ id: editor.id });
      await accounts.updateUser(admin, editor.id, { disabled: true });
      expect(await accounts.authenticateSession(session.token)).toBeUndefined();
      expect(await accounts.login('tanaka', password, address)).toMatchObject({
        ok: false,
        error: { code: 'invalid_credentials' },
      });
    });

    it('resets a password: the old one fails, the new one works', async () => {
      const editor = await add('tanaka');
      expect((await accounts.resetPassword(admin, editor.id, 'another-password-2')).ok).toBe(true);
      expect((await accounts.login('tanaka', password, address)).ok).toBe(false);
      expect((await accounts.login('tanaka', 'another-password-2', address)).ok).toBe(true);
    });
  });

  describe('login and throttling', () => {
    it('fails for a wrong password and for an unknown login with the same message', async () => {
      const wrong = await accounts.login('admin', 'not-the-password', address);
      const unknown = await accounts.login('nobody', password, address);
      expect(wrong).toEqual(unknown);
      expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    });

    it('throttles a login and address after 3 failures, even with the right password (429)', async () => {
      for (let i = 0; i < 3; i++) await accounts.login('admin', 'wrong-password', address);
      expect(await accounts.loginThrottle('admin', address)).toEqual({
        allowed: false,
        retryAfterSeconds: 60,
      });
      const refused = await accounts.login('admin', password, address);
      expect(refused).toMatchObject({ ok: false, error: { code: 'throttled', retryAfterSeconds: 60 } });
      // Another address is a different pair.
      expect((await accounts.login('admin', password, '198.51.100.1')).ok).toBe(true);
    });

    it('lets the pair in again once the lockout has passed, and a success clears the count', async () => {
      for (let i = 0; i < 3; i++) await accounts.recordLoginFailure('admin', address);
      advance(30);
      expect(await accounts.loginThrottle('admin', address)).toEqual({
        allowed: false,
        retryAfterSeconds: 30,
      });
      advance(30);
      expect(await accounts.loginThrottle('admin', address)).toEqual({ allowed: true, retryAfterSeconds: 0 });
      expect((await accounts.login('admin', password, address)).ok).toBe(true);
      await accounts.recordLoginFailure('admin', address);
      expect(await accounts.loginThrottle('admin', address)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    });

    it('lets at most 5 of 40 wrong passwords sent at once through to the password check', async () => {
      const defaults = createAccountStore(handle.db, { now: () => clock });
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => defaults.login('admin', `wrong-password-${i}`, address)),
      );
      const checked = results.filter((r) => !r.ok && r.error.code !== 'throttled');
      expect(checked.length).toBeGreaterThan(0);
      expect(checked.length).toBeLessThanOrEqual(5);
      expect(await defaults.login('admin', password, address)).toMatchObject({
        error: { code: 'throttled' },
      });
    });

    it('limits the guesses at one login whatever the address', async () => {
      const perLogin = createAccountStore(handle.db, { maxFailuresPerLogin: 10, now: () => clock });
      const statuses = [];
      for (let i = 0; i < 30; i += 1) {
        const result = await perLogin.login('admin', 'wrong-password', `198.51.100.${i}`);
        statuses.push(result.ok ? 'ok' : result.error.code);
      }
      expect(statuses.filter((s) => s === 'invalid_credentials')).toHaveLength(10);
      expect(statuses.slice(10).every((s) => s === 'throttled')).toBe(true);
      // The right password from a fresh address waits too, and other logins are untouched.
      expect(await perLogin.login('admin', password, '192.0.2.77')).toMatchObject({
        error: { code: 'throttled' },
      });
      await add('tanaka');
      expect((await perLogin.login('tanaka', password, '192.0.2.77')).ok).toBe(true);
      // After the lockout the login is open again.
      advance(900);
      expect((await perLogin.login('admin', password, '192.0.2.77')).ok).toBe(true);
    });

    it('holds the count across store instances, as across processes', async () => {
      for (let i = 0; i < 3; i++) await accounts.recordLoginFailure('admin', address);
      const other = createAccountStore(handle.db, { maxFailures: 3, lockoutSeconds: 60, now: () => clock });
      expect((await other.loginThrottle('admin', address)).allowed).toBe(false);
    });
  });

  describe('sessions', () => {
    it('stores only the SHA-256 of the token and expires', async () => {
      const session = await accounts.createSession(admin.id);
      expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const rows = await withEditingTables(handle.db).selectFrom('session').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(rows[0]?.token_hash).not.toBe(session.token);
      advance(8 * 3600);
      expect(await accounts.authenticateSession(session.token)).toBeUndefined();
    });

    it('forgets a deleted session and rejects unknown tokens', async () => {
      const session = await accounts.createSession(admin.id);
      await accounts.deleteSession(session.token);
      expect(await accounts.authenticateSession(session.token)).toBeUndefined();
      expect(await accounts.authenticateSession('made-up')).toBeUndefined();
    });
  });

  describe('API tokens', () => {
    it('issues a token once, authenticates it, and stops after revocation', async () => {
      const editor = await add('tanaka');
      const issued = await accounts.issueApiToken(admin.id, editor.id, 'import script');
      if (!issued.ok) throw new Error('not issued');
      expect(await accounts.authenticateApiToken(issued.value.token)).toMatchObject({
        ok: true,
        value: { id: editor.id },
      });
      const listed = await accounts.listApiTokens(editor.id);
      expect(listed).toHaveLength(1);
      expect(JSON.stringify(listed)).not.toContain(issued.value.token);
      expect((await accounts.revokeApiToken(admin.id, issued.value.id)).ok).toBe(true);
      expect(await accounts.authenticateApiToken(issued.value.token)).toMatchObject({
        ok: false,
        error: { reason: 'revoked' },
      });
    });

    it('expires a token after 90 days by default, or after the days chosen, refusing it with a clear message', async () => {
      const editor = await add('tanaka');
      const standard = await accounts.issueApiToken(admin.id, editor.id, 'default');
      const short = await accounts.issueApiToken(admin.id, editor.id, 'short', { expiresInDays: 7 });
      if (!standard.ok || !short.ok) throw new Error('not issued');
      expect(standard.value.expiresAt).toBe('2027-02-19T09:00:00.000Z');
      expect(short.value.expiresAt).toBe('2026-11-28T09:00:00.000Z');
      advance(7 * 86_400 - 1);
      expect((await accounts.authenticateApiToken(short.value.token)).ok).toBe(true);
      advance(1);
      expect(await accounts.authenticateApiToken(short.value.token)).toMatchObject({
        ok: false,
        error: {
          code: 'unauthenticated',
          reason: 'expired',
          message: expect.stringMatching(
            /^API トークンの有効期限が切れています.*\(the API token has expired/,
          ),
        },
      });
      expect((await accounts.authenticateApiToken(standard.value.token)).ok).toBe(true);
      advance(83 * 86_400);
      expect(await accounts.authenticateApiToken(standard.value.token)).toMatchObject({
        ok: false,
        error: { reason: 'expired' },
      });
      expect(await accounts.authenticateApiToken('made-up')).toMatchObject({
        ok: false,
        error: { reason: 'unknown' },
      });
    });

    it('refuses an expiry outside 1 to 365 days, naming the field', async () => {
      const editor = await add('tanaka');
      for (const days of [0, 366, 1.5, Number.NaN]) {
        expect(await accounts.issueApiToken(admin.id, editor.id, 'x', { expiresInDays: days })).toMatchObject(
          {
            ok: false,
            error: { code: 'invalid', issues: [{ field: 'expiresInDays' }] },
          },
        );
      }
    });

    it('notes the last use at most once a minute', async () => {
      const editor = await add('tanaka');
      const issued = await accounts.issueApiToken(admin.id, editor.id, 'script');
      if (!issued.ok) throw new Error('not issued');
      const lastUsed = async () => (await accounts.listApiTokens(editor.id))[0]?.lastUsedAt;
      expect(await lastUsed()).toBeNull();
      await accounts.authenticateApiToken(issued.value.token);
      expect(await lastUsed()).toBe('2026-11-21T09:00:00.000Z');
      advance(59);
      await accounts.authenticateApiToken(issued.value.token);
      expect(await lastUsed()).toBe('2026-11-21T09:00:00.000Z');
      advance(1);
      await accounts.authenticateApiToken(issued.value.token);
      expect(await lastUsed()).toBe('2026-11-21T09:01:00.000Z');
    });

    it('refuses to issue or revoke for a non-admin', async () => {
      const editor = await add('tanaka');
      expect(await accounts.issueApiToken(editor.id, editor.id, 'mine')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });
  });
});

describe.each(testDatabases)('accounts scoped to an organization on $name', (database) => {
  let handle: DatabaseHandle;
  let accounts: AccountStore;
  let operator: User;
  let komoroAdmin: User;

  async function add(login: string, role: User['role'], organizationId?: string | null): Promise<User> {
    const added = await accounts.addUser({ login, password, role, organizationId });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    return added.value;
  }

  beforeEach(async () => {
    handle = await database.openDemo();
    accounts = createAccountStore(handle.db);
    operator = await add('operator', 'admin');
    komoroAdmin = await add('komoro-admin', 'admin', '202088');
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('keeps existing and unscoped accounts operator-wide, and stores a 団体コード as the organization’s id', () => {
    expect(operator.organizationId).toBeNull();
    expect(komoroAdmin.organizationId).toBe('komoro');
  });

  it('lets an organization’s admin add and change accounts of that organization only', async () => {
    const staff = await accounts.addUser({ login: 'komoro-staff', password, role: 'editor' }, komoroAdmin);
    expect(staff.ok && staff.value.organizationId).toBe('komoro');
    for (const organizationId of [null, 'hirakata'])
      expect(
        await accounts.addUser({ login: 'x', password, role: 'editor', organizationId }, komoroAdmin),
      ).toMatchObject({ ok: false });
    expect(await accounts.updateUser(komoroAdmin, operator.id, { role: 'viewer' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const editor = await add('editor', 'editor');
    expect(await accounts.updateUser(komoroAdmin, editor.id, { role: 'viewer' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await accounts.listUsers('komoro')).toHaveLength(staff.ok ? 2 : 1);
  });

  it('refuses to scope the last operator-wide admin to one organization', async () => {
    expect(await accounts.updateUser(operator, operator.id, { organizationId: 'komoro' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
  });

  it('issues a token scoped to its user’s organization, or narrowed to one city for an operator', async () => {
    const scoped = await accounts.issueApiToken(operator.id, komoroAdmin.id, 'city');
    const narrowed = await accounts.issueApiToken(operator.id, operator.id, 'one city', {
      organizationId: '202088',
    });
    if (!scoped.ok || !narrowed.ok) throw new Error('cannot issue');
    expect(scoped.value.organizationId).toBe('komoro');
    const user = await accounts.authenticateApiToken(narrowed.value.token);
    expect(user.ok && user.value.organizationId).toBe('komoro');
    expect(
      await accounts.issueApiToken(operator.id, komoroAdmin.id, 'elsewhere', {
        organizationId: 'no-such-town',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid' } });
    // An organization's admin issues and revokes tokens of its own accounts only.
    expect(await accounts.issueApiToken(komoroAdmin.id, operator.id, 'operator')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await accounts.revokeApiToken(komoroAdmin.id, narrowed.value.id)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await accounts.revokeApiToken(komoroAdmin.id, scoped.value.id)).ok).toBe(true);
  });

  it('stops a token whose user moved to another organization', async () => {
    const issued = await accounts.issueApiToken(operator.id, komoroAdmin.id, 'city');
    if (!issued.ok) throw new Error('cannot issue');
    // Only 小諸市 exists in the demo: another organization is made by moving the user's row directly.
    await withEditingTables(handle.db)
      .updateTable('user_account')
      .set({ organization_id: 'elsewhere' })
      .where('id', '=', komoroAdmin.id)
      .execute();
    expect(await accounts.authenticateApiToken(issued.value.token)).toMatchObject({
      ok: false,
      error: { reason: 'organization' },
    });
  });
});
