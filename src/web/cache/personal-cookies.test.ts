/** The page cache in the full staff-enabled app: only the session cookie makes a public page personal. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { openStaffTestApp, type StaffTestApp, signIn } from '../../../test/helpers/staff-app.ts';

describe.each(testDatabases)('the page cache and cookies on $name', (database) => {
  let t: StaffTestApp;
  beforeEach(async () => {
    t = await openStaffTestApp(database.openDemo);
  });
  afterEach(() => t.close());

  it('serves a request carrying an unrelated cookie from the cache', async () => {
    const path = `/plans/${t.planId}`;
    const first = await t.app.request(path, { headers: { cookie: 'x=1' } });
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await t.app.request(path, {
      headers: { cookie: 'x=1; _ga=GA1.2.3', 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
  });

  it('renders afresh, never cached, for a request with the staff session cookie', async () => {
    const editor = await signIn(t.app, 'editor');
    const path = `/plans/${t.planId}`;
    const etag = (await t.app.request(path)).headers.get('etag');
    const personal = await t.app.request(path, {
      headers: { cookie: `x=1; ${editor.cookie}`, 'if-none-match': etag! },
    });
    expect(personal.status).toBe(200);
    expect(personal.headers.get('etag')).toBeNull();
    expect(personal.headers.get('cache-control')).toBe('no-store');
  });
});
