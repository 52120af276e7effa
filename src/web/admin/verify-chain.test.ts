/**
 * End to end: edits made through the admin forms keep `mieruka verify` green; editing one revision row directly
 * in the database turns it red. A SQLite file, because the command opens the database from DATABASE_URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDemoSqlite } from '../../../test/helpers/sqlite-templates.ts';
import {
  findNode,
  openStaffTestApp,
  postForm,
  type StaffTestApp,
  signIn,
} from '../../../test/helpers/staff-app.ts';
import type { CliIo } from '../../cli/command.ts';
import { runCli } from '../../cli/run.ts';
import { openDatabase } from '../../store/db.ts';
import { withEditingTables } from '../../store/editing/tables.ts';
import { formValues } from './form-values.ts';

describe('mieruka verify after editing through the web', () => {
  let dir: string;
  let url: string;
  let t: StaffTestApp;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mieruka-web-verify-'));
    url = join(dir, 'test.sqlite');
    t = await openStaffTestApp(async () => {
      await writeDemoSqlite(url);
      return openDatabase(url);
    });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function verify(): Promise<{ code: number; output: string }> {
    const lines: string[] = [];
    const io: CliIo = { env: { DATABASE_URL: url }, out: (l) => lines.push(l), err: (l) => lines.push(l) };
    const code = await runCli(['verify'], io);
    return { code, output: lines.join('\n') };
  }

  it('passes after an editor’s change is published, and fails naming the row once a revision is altered', async () => {
    const editor = await signIn(t.app, 'editor');
    const admin = await signIn(t.app, 'admin');
    const node = findNode(t.outside.children, (n) => n.kind === 'policy') ?? t.outside;
    const record = await t.editing.getRecord('node', node.id);
    const fields = {
      ...formValues('node', record?.data),
      description: 'verify',
      version: String(record?.version),
    };
    expect((await postForm(t.app, `/admin/records/node/${node.id}`, editor, fields)).status).toBe(303);
    const drafts = (await t.editing.listDrafts(t.planId)).map((d) => d.id);
    expect(
      (await postForm(t.app, `/admin/plans/${t.planId}/publish`, admin, { draftIds: drafts })).status,
    ).toBe(303);
    expect(await verify()).toMatchObject({ code: 0 });

    const db = withEditingTables(t.db);
    const published = await db
      .selectFrom('revision')
      .select('seq')
      .where('entity_id', '=', node.id)
      .where('action', '=', 'publish')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('revision')
      .set({ actor: 'someone-else' })
      .where('seq', '=', published.seq)
      .execute();
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.output).toContain(`seq ${published.seq}`);
  });
});
