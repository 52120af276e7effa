/** The header says who is signed in, on staff and public pages alike, and offers to log out; visitors see 職員ログイン. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import {
  openStaffTestApp,
  type SignedIn,
  type StaffTestApp,
  signIn,
} from '../../../test/helpers/staff-app.ts';

const sqlite = testDatabases.filter((d) => d.name === 'sqlite');

describe.each(sqlite)('the header of a signed-in user on $name', (database) => {
  let t: StaffTestApp;
  let editor: SignedIn;
  beforeAll(async () => {
    t = await openStaffTestApp(database.openDemo);
    editor = await signIn(t.app, 'editor');
  });
  afterAll(() => t.close());

  const page = async (path: string, who?: SignedIn) =>
    (await t.app.request(path, who ? { headers: { cookie: who.cookie } } : {})).text();
  const logoutForm = (who: SignedIn) =>
    `<form method="post" action="/logout"><input type="hidden" name="_csrf" value="${who.csrf}"/>`;

  it('names the login and offers to log out, on a staff page and a public one, in either language', async () => {
    for (const path of ['/admin', '/', `/plans/${t.planId}`]) {
      const html = await page(path, editor);
      expect(html, path).toContain('editor でログイン中');
      expect(html, path).toContain(logoutForm(editor));
      expect(html, path).not.toContain('職員ログイン');
    }
    const english = await page('/?lang=en', editor);
    expect(english).toContain('Signed in as editor');
    expect(english).not.toContain('Staff log in');
  });

  it('still says 職員ログイン to a visitor, from the same cached page', async () => {
    await page('/');
    const html = await page('/');
    expect(html).toContain('<a href="/admin">職員ログイン</a>');
    expect(html).not.toContain('でログイン中');
  });
});
