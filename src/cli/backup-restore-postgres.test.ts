/**
 * `mieruka backup` and `mieruka restore` on PostgreSQL (pg_dump -Fc, pg_restore) in two databases of their own,
 * `mieruka_backup_test_<random>`, dropped afterwards. Skipped when PostgreSQL is skipped or pg_dump is missing.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminNamed,
  runOn as cli,
  countKeptRows,
  saveNodeTitle,
} from '../../test/helpers/history-fixtures.ts';
import { connectAdmin, skipPostgres, testPostgresUrl } from '../../test/helpers/postgres-run.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import { openDatabase } from '../store/db.ts';

function hasPgDump(): boolean {
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const run = randomBytes(4).toString('hex');
const sourceName = `mieruka_backup_test_${run}_a`;
const targetName = `mieruka_backup_test_${run}_b`;
const urlOf = (name: string) => {
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
};

describe.skipIf(skipPostgres || !hasPgDump())('mieruka backup and restore on PostgreSQL', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-pg-backup-'));
    const admin = await connectAdmin();
    try {
      for (const name of [sourceName, targetName]) await admin.query(`create database ${name}`);
    } finally {
      await admin.end();
    }
  });
  afterAll(async () => {
    const admin = await connectAdmin();
    try {
      for (const name of [sourceName, targetName])
        await admin.query(`drop database if exists ${name} with (force)`);
    } finally {
      await admin.end();
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('restores a pg_dump backup that passes verify, exports byte-identical JSON and keeps users, tokens, drafts', async () => {
    const source = urlOf(sourceName);
    const target = urlOf(targetName);
    expect((await cli(source, 'seed', 'demo')).code).toBe(0);
    const handle = openDatabase(source);
    try {
      const admin = await adminNamed(handle.db, 'pg-admin');
      expect((await createAccountStore(handle.db).issueApiToken(admin.id, admin.id, 'backup')).ok).toBe(true);
      await saveNodeTitle(handle.db, admin, 'mirai-2016.p1', '下書き');
    } finally {
      await handle.close();
    }

    const file = join(dir, 'mieruka.dump');
    const backup = await cli(source, 'backup', file);
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/backed up with pg_dump -Fc\): .*mieruka\.dump, [\d.]+ MB, \d+ ms/);

    const restore = await cli(target, 'restore', file);
    expect(restore).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toContain('verified: chain intact, tables match the history');

    // The demo seeds two organizations (小諸市, 枚方市): each is exported on its own.
    const exported = async (url: string, name: string) => {
      const texts: string[] = [];
      for (const organization of ['komoro', 'hirakata']) {
        const out = join(dir, `${organization}-${name}`);
        const args = ['export', '--format', 'json', '--organization', organization, '--out', out];
        expect((await cli(url, ...args)).code).toBe(0);
        texts.push(await readFile(out, 'utf8'));
      }
      return texts.join('\n');
    };
    expect(await exported(target, 'b.json')).toBe(await exported(source, 'a.json'));
    const counts = await countKeptRows(target);
    expect(counts).toEqual(await countKeptRows(source));
    expect(counts).toMatchObject({ users: 1, apiTokens: 1, drafts: 1 });

    const refused = await cli(target, 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('データベースにデータがあるため復元しません');
    expect((await cli(target, 'restore', file, '--force')).code).toBe(0);
    expect((await cli(target, 'verify')).code).toBe(0);
  }, 120_000);
});
