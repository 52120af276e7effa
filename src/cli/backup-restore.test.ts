/**
 * `mieruka backup` and `mieruka restore` on a SQLite file: a backup taken while edits are being saved and published
 * to the same file restores to a database that passes verify and exports JSON byte-identical to the source's at
 * the moment the backup ended; the copy keeps revisions, users, API tokens and drafts. Refusals name what is wrong.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  adminNamed,
  runOn as cli,
  countKeptRows,
  publishNodeTitle,
  saveNodeTitle,
} from '../../test/helpers/history-fixtures.ts';
import { writeDemoSqlite } from '../../test/helpers/sqlite-templates.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import { backupSqlite } from '../store/backup/sqlite-backup.ts';
import { openDatabase } from '../store/db.ts';
import { readChainHead } from '../store/editing/revisions.ts';

const nodeId = 'mirai-2016.p1';

describe('mieruka backup and restore on SQLite', () => {
  let dir: string;
  let source: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-backup-'));
    source = join(dir, 'live.sqlite');
    await writeDemoSqlite(source);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('restores a backup taken while edits are published to the same file, and the copy passes verify', async () => {
    const writer = openDatabase(source);
    const admin = await adminNamed(writer.db, 'backup-admin');
    const startSeq = (await readChainHead(writer.db)).seq;
    let writes = 0;
    let stop = false;
    const writing = (async () => {
      while (!stop) {
        writes += 1;
        await publishNodeTitle(writer.db, admin, nodeId, `編集 ${writes}`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      while (writes < 5) await new Promise((resolve) => setTimeout(resolve, 5));
      const writesBefore = writes;
      const backup = await cli(source, 'backup', join(dir, 'under-load.sqlite'));
      const writesDuring = writes - writesBefore;
      while (writes < writesBefore + writesDuring + 5) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(backup).toMatchObject({ code: 0, err: '' });
      // Edits were published while the backup ran (6–7 in a typical run).
      expect(writesDuring).toBeGreaterThan(0);
      expect(backup.out).toMatch(
        /^バックアップしました \(backed up\): .*under-load\.sqlite, [\d.]+ MB, \d+ ms/,
      );
    } finally {
      stop = true;
      await writing;
    }
    const finalHead = await readChainHead(writer.db);
    await writer.close();

    const restoredFile = join(dir, 'restored.sqlite');
    const restore = await cli(restoredFile, 'restore', join(dir, 'under-load.sqlite'));
    expect(restore).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toContain('verified: chain intact, tables match the history');
    const verified = await cli(restoredFile, 'verify');
    expect(verified.code).toBe(0);
    const backupHead = /current head\): (\d+):([0-9a-f]{64})/.exec(verified.out);
    // The snapshot fell inside the load, and the live chain still holds it: the copy is a prefix of the log.
    expect(Number(backupHead?.[1])).toBeGreaterThan(startSeq);
    expect(Number(backupHead?.[1])).toBeLessThan(finalHead.seq);
    expect((await cli(source, 'verify', '--head', `${backupHead?.[1]}:${backupHead?.[2]}`)).code).toBe(0);
  }, 60_000);

  it('restores a backup taken under write load to JSON byte-identical to the source the moment the backup ended', async () => {
    const writer = openDatabase(source);
    const admin = await adminNamed(writer.db, 'backup-admin');
    const backupFile = join(dir, 'under-load.sqlite');
    // Each publish runs as one burst of microtasks (better-sqlite3 is synchronous) between the backup's steps, which
    // are macrotasks. The backup's promise settles in the step that copies the last page, and `frozen` is set in the
    // microtasks right after it, before the writer's next turn: the source is then exactly the snapshot copied.
    let frozen = false;
    let started = false;
    let writesDuring = 0;
    const writing = (async () => {
      for (let n = 1; !frozen; n += 1) {
        await publishNodeTitle(writer.db, admin, nodeId, `負荷 ${n}`);
        if (started) writesDuring += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 30));
    started = true;
    await backupSqlite(source, backupFile).then(() => {
      frozen = true;
    });
    await writing;
    await writer.close();
    expect(writesDuring).toBeGreaterThan(0);

    const restoredFile = join(dir, 'restored.sqlite');
    expect((await cli(restoredFile, 'restore', backupFile)).code).toBe(0);
    expect((await cli(restoredFile, 'verify')).code).toBe(0);
    const exported = async (file: string) => {
      const out = join(dir, `${Math.random().toString(16).slice(2)}.json`);
      expect((await cli(file, 'export', '--format', 'json', '--out', out)).code).toBe(0);
      return readFile(out, 'utf8');
    };
    const restoredJson = await exported(restoredFile);
    expect(restoredJson).toContain('負荷 ');
    expect(restoredJson).toBe(await exported(source));
  }, 60_000);

  it('with writes stopped, restores a copy that exports byte-identical JSON and keeps users, tokens and drafts', async () => {
    const handle = openDatabase(source);
    const admin = await adminNamed(handle.db, 'backup-admin');
    await publishNodeTitle(handle.db, admin, nodeId, '公開した題名');
    const token = await createAccountStore(handle.db).issueApiToken(admin.id, admin.id, 'backup test');
    expect(token.ok).toBe(true);
    await saveNodeTitle(handle.db, admin, nodeId, '下書きの題名');
    await handle.close();

    const backupFile = join(dir, 'quiet.sqlite');
    expect((await cli(source, 'backup', backupFile)).code).toBe(0);
    const restoredFile = join(dir, 'restored.sqlite');
    expect((await cli(restoredFile, 'restore', backupFile)).code).toBe(0);

    const exported = async (file: string) => {
      const out = join(dir, `${Math.random().toString(16).slice(2)}.json`);
      expect((await cli(file, 'export', '--format', 'json', '--out', out)).code).toBe(0);
      return readFile(out, 'utf8');
    };
    expect(await exported(restoredFile)).toBe(await exported(source));
    const counts = await countKeptRows(restoredFile);
    expect(counts).toEqual(await countKeptRows(source));
    expect(counts).toMatchObject({ users: 1, apiTokens: 1, drafts: 1 });
  });

  it('refuses to overwrite a backup file, or to restore over a database with data, unless --force', async () => {
    const backupFile = join(dir, 'b.sqlite');
    expect((await cli(source, 'backup', backupFile)).code).toBe(0);
    const again = await cli(source, 'backup', backupFile);
    expect(again).toMatchObject({ code: 1 });
    expect(again.err).toContain('add --force to overwrite');
    expect((await cli(source, 'backup', backupFile, '--force')).code).toBe(0);

    const other = join(dir, 'other.sqlite');
    await writeDemoSqlite(other);
    const refused = await cli(other, 'restore', backupFile);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('データベースにデータがあるため復元しません');
    expect(refused.err).toContain('3 plans');
    expect((await cli(other, 'restore', backupFile, '--force')).code).toBe(0);
  });

  it('refuses a database in use by another connection that is writing', async () => {
    const backupFile = join(dir, 'b.sqlite');
    expect((await cli(source, 'backup', backupFile)).code).toBe(0);
    const target = join(dir, 'busy.sqlite');
    const open = openDatabase(target);
    try {
      await open.db.schema.createTable('t').addColumn('x', 'integer').execute();
      const refused = await cli(target, 'restore', backupFile);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('データベースが使用中のため復元しません');
    } finally {
      await open.close();
    }
  });

  it('refuses a file that is not an intact Mieruka database, and leaves the target alone', async () => {
    const notSqlite = join(dir, 'notes.sqlite');
    await writeFile(notSqlite, 'not a database');
    const target = join(dir, 'target.sqlite');
    const garbage = await cli(target, 'restore', notSqlite);
    expect(garbage).toMatchObject({ code: 1 });
    expect(garbage.err).toContain('cannot read as a SQLite database');

    const foreign = join(dir, 'foreign.sqlite');
    const other = openDatabase(foreign);
    await other.db.schema.createTable('something').addColumn('x', 'integer').execute();
    await other.close();
    const notMieruka = await cli(target, 'restore', foreign);
    expect(notMieruka.err).toContain('not a Mieruka database: no table kysely_migration');
    expect(existsSync(target)).toBe(false);
  });
});
