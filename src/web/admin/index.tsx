/** The staff area, mounted at /admin: signed-in users only, never cached. Each concern is its own sub-app. */
import { Hono } from 'hono';
import { requireUser } from '../auth/guard.tsx';
import { noStore } from '../auth/session.ts';
import type { StaffEnv } from '../auth/staff-env.ts';
import documents from './documents.tsx';
import drafts from './drafts.tsx';
import evaluations from './evaluations.tsx';
import imports from './imports.tsx';
import move from './move.tsx';
import organizations from './organizations.tsx';
import plans from './plans.tsx';
import records from './records.tsx';
import users from './users.tsx';

const admin = new Hono<StaffEnv>();

admin.use(noStore());
admin.use(requireUser());
admin.route('/records', records);
admin.route('/nodes', move);
admin.route('/drafts', drafts);
admin.route('/evaluations', evaluations);
admin.route('/', imports);
admin.route('/', organizations);
admin.route('/', documents);
admin.route('/', users);
admin.route('/', plans);

export default admin;
