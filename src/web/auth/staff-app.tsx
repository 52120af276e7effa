/**
 * Everything staff-side in one sub-app that createApp mounts at the root: it finds the user on every request
 * (so any response to a session holder is no-store), checks CSRF on every unsafe cookie-authenticated request,
 * and mounts login, /admin and the write API (the public /history pages are createApp's).
 */
import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { defaultTableLimits } from '../../io/tables/index.ts';
import { formatMegabytes } from '../../io/tables/limits.ts';
import type { ReadStore } from '../../store/read-store.ts';
import admin from '../admin/index.tsx';
import { openApiDocument } from '../api/openapi.ts';
import apiWrite from '../api-write/index.ts';
import { withWritePaths } from '../api-write/openapi-paths.ts';
import { csrfProtection } from './csrf.ts';
import login from './login.tsx';
import { StatusPage } from './StatusPage.tsx';
import { loadUser, noStore } from './session.ts';
import { signedInHeader } from './signed-in-header.tsx';
import type { StaffEnv, StaffServices } from './staff-env.ts';

const staffCss = readFileSync(new URL('../admin/staff.css', import.meta.url), 'utf8');

// A table upload at its size limit, with room for the form around it.
const staffBodyLimit = defaultTableLimits.maxFileBytes + 1024 * 1024;

export type StaffOptions = Omit<StaffServices, 'trustProxy' | 'trustedProxies'> & {
  trustProxy?: boolean;
  trustedProxies?: number;
  /**
   * What a signed-in request reads, when the public pages read a replica: the writer's store and history, so a
   * staff member sees what they just saved (read-your-writes). Absent: the public store.
   */
  store?: ReadStore;
};

/** @example site.route('/', staffApp({ editing: createEditingStore(db), accounts: createAccountStore(db), tables: tableImportService(db) })) */
export function staffApp({
  editing,
  accounts,
  tables,
  trustProxy = false,
  trustedProxies = 0,
  store,
}: StaffOptions): Hono<StaffEnv> {
  const staff = new Hono<StaffEnv>();
  staff.use(async (c, next) => {
    c.set('editing', editing);
    c.set('accounts', accounts);
    c.set('tables', tables);
    c.set('trustProxy', trustProxy);
    c.set('trustedProxies', trustedProxies);
    c.set('noCache', false);
    await next();
  });
  staff.get('/assets/staff.css', (c) =>
    c.body(staffCss, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=300',
    }),
  );
  // Checked before the CSRF check reads any form: the largest body staff send is a table upload.
  staff.use(
    bodyLimit({
      maxSize: staffBodyLimit,
      onError: (c) =>
        c.html(
          <StatusPage
            title="ファイルが大きすぎます (too large)"
            message={`送信できるのは ${formatMegabytes(staffBodyLimit)} までです (the limit is ${formatMegabytes(staffBodyLimit)})`}
          />,
          413,
        ),
    }),
  );
  staff.use(loadUser());
  if (store !== undefined) {
    staff.use(async (c, next) => {
      if (c.var.user !== undefined) {
        c.set('store', store);
        c.set('history', editing);
      }
      await next();
    });
  }
  staff.use(signedInHeader());
  staff.use(csrfProtection());
  staff.use('/login', noStore());
  staff.route('/', login);
  staff.route('/admin', admin);
  staff.route('/api/v1', apiWrite);
  // With the staff side on, the API has write routes too: this answer replaces the read-only document.
  const document = withWritePaths(openApiDocument());
  staff.get('/api/v1/openapi.json', (c) => c.json(document));
  return staff;
}
