/** Logging in and out on SQLite and PostgreSQL: cookies, throttle, CSRF on the login form, redirects. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  openStaffTestApp,
  postForm,
  type StaffTestApp,
  signIn,
  testPassword,
} from '../../../test/helpers/staff-app.ts';

describe.each(testDatabases)('login on $name', (database) => {
  let t: StaffTestApp;
  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
  });
  afterEach(() => t.close());

  async function loginForm(url = '/login') {
    const res = await t.app.request(url);
    const cookie = /mieruka_login=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
    return { cookie, token };
  }

  const attempt = (
    form: { cookie: string; token: string },
    login: string,
    password: string,
    next = '/admin/users',
  ) =>
    t.app.request('/login', {
      method: 'POST',
      headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: form.token, login, password, next }),
    });

  describe('GET /admin', () => {
    it('sends an anonymous visitor to the login page', async () => {
      const res = await t.app.request('/admin');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/login?next=%2Fadmin');
    });
  });

  describe('POST /login', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie and goes to the page asked for', async () => {
      const res = await attempt(await loginForm(), 'admin', testPassword);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/users');
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/mieruka_session=[^;]+;.*HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).not.toMatch(/Secure/);
    });

    it('marks the cookie Secure over HTTPS', async () => {
      const form = await loginForm('https://mieruka.example/login');
      const res = await t.app.request('https://mieruka.example/login', {
        method: 'POST',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: form.token, login: 'admin', password: testPassword }),
      });
      expect(res.headers.get('set-cookie')).toMatch(/mieruka_session=.*Secure/);
    });

    it('refuses a login form without its token (403)', async () => {
      const form = await loginForm();
      expect((await attempt({ ...form, token: 'forged' }, 'admin', testPassword)).status).toBe(403);
      expect((await attempt({ ...form, cookie: '' }, 'admin', testPassword)).status).toBe(403);
    });

    it('keeps the typed login but never the password after a failure (401)', async () => {
      const res = await attempt(await loginForm(), 'editor', 'wrong-password-typed');
      expect(res.status).toBe(401);
      const html = await res.text();
      expect(html).toContain('value="editor"');
      expect(html).not.toContain('wrong-password-typed');
      expect(html).toContain('(wrong login or password)');
    });

    it('throttles repeated failures for the account and address (429 with Retry-After)', async () => {
      const form = await loginForm();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1)
        statuses.push((await attempt(form, 'viewer', `wrong-${i}-password`)).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      const throttled = await attempt(form, 'viewer', testPassword);
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('throttling under attack', () => {
    it('answers 429 to all but at most 5 of 40 wrong passwords sent at once', async () => {
      const form = await loginForm();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt(form, 'admin', `wrong-${i}-password`)),
      );
      const statuses = answers.map((res) => res.status);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
      const notThrottled = statuses.filter((s) => s !== 429).length;
      expect(notThrottled).toBeGreaterThan(0);
      expect(notThrottled).toBeLessThanOrEqual(5);
    });
  });

  describe('the page after login', () => {
    it.each([
      ['%2F%09%2Fevil.example', '/\t/evil.example'],
      ['/%0A/x', '/\n/x'],
      ['%2F%2Fevil.example', '//evil.example'],
      ['%2F%5Cevil.example', '/\\evil.example'],
      ['https%3A%2F%2Fevil.example', 'https://evil.example'],
    ])('is /admin for next=%s, on the form and after signing in', async (query, next) => {
      const page = await t.app.request(`/login?next=${query}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('name="next" value="/admin"');
      const res = await attempt(await loginForm(), 'admin', testPassword, next);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin');
    });
  });

  describe('POST /logout', () => {
    it('ends the session in the database, so the old cookie no longer opens /admin', async () => {
      const who = await signIn(t.app, 'editor');
      expect((await t.app.request('/admin', { headers: { cookie: who.cookie } })).status).toBe(200);
      const res = await postForm(t.app, '/logout', who, {});
      expect(res.status).toBe(303);
      expect((await t.app.request('/admin', { headers: { cookie: who.cookie } })).status).toBe(303);
    });
  });

  describe('disabled users', () => {
    it('lose their session at once', async () => {
      const who = await signIn(t.app, 'editor');
      await t.accounts.updateUser(t.users.admin, t.users.editor.id, { disabled: true });
      expect((await t.app.request('/admin', { headers: { cookie: who.cookie } })).status).toBe(303);
    });
  });
});

describe.each(testDatabases)('login behind one proxy on $name', (database) => {
  let t: StaffTestApp;
  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo, { trustedProxies: 1 });
  });
  afterEach(() => t.close());

  async function attemptFrom(forwardedFor: string, password: string) {
    const form = await t.app.request('/login');
    const cookie = /mieruka_login=[^;]+/.exec(form.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    return t.app.request('/login', {
      method: 'POST',
      headers: {
        cookie,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': forwardedFor,
      },
      body: new URLSearchParams({ _csrf: token, login: 'admin', password }),
    });
  }

  it('ignores the hops a client writes itself: rotating them gives 5 guesses, not 30', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      statuses.push((await attemptFrom(`192.0.2.${i}, 203.0.113.9`, `wrong-${i}-password`)).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect((await attemptFrom('192.0.2.200, 203.0.113.9', testPassword)).status).toBe(429);
  });

  it('holds the per-login limit when the real address rotates too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      statuses.push((await attemptFrom(`198.51.100.${i}`, `wrong-${i}-password`)).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect((await attemptFrom('198.51.100.250', testPassword)).status).toBe(429);
  });
});
