/** `mieruka verify` on a SQLite file: the exit code, what it prints, and `--head` typed or read from a saved export. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import { writeDemoSqlite } from '../../test/helpers/sqlite-templates.ts';
import { openDatabase } from '../store/db.ts';
import { runCli } from './run.ts';

describe('mieruka verify', () => {
  let dir: string;
  let dbFile: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-verify-'));
    dbFile = join(dir, 'demo.sqlite');
    await writeDemoSqlite(dbFile);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function verify(...args: string[]) {
    const io = captureIo(dbFile);
    const code = await runCli(['verify', ...args], io);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  }

  async function currentHead(): Promise<string> {
    const { out } = await verify();
    return /current head\): (\d+:[0-9a-f]{64})/.exec(out)?.[1] ?? '';
  }

  it('passes the demo and prints the head to keep', async () => {
    const result = await verify();
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('published tables match the replayed history');
    expect(result.out).toMatch(/現在の先頭 \(current head\): \d+:[0-9a-f]{64}/);
  });

  it('fails naming a record edited in the tables, and a kept head the log no longer has', async () => {
    const head = await currentHead();
    const handle = openDatabase(dbFile);
    await handle.db
      .updateTable('node')
      .set({ title: '書き換え' })
      .where('id', '=', 'mirai-2016.p1')
      .execute();
    const edited = await verify('--head', head);
    expect(edited.code).toBe(1);
    expect(edited.err).toContain('node mirai-2016.p1: 公開中の内容が変更履歴');
    await handle.db.withTables<{ revision: { seq: number } }>().deleteFrom('revision').execute();
    await handle.close();
    const emptied = await verify('--head', head);
    expect(emptied.code).toBe(1);
    expect(emptied.err).toContain('the log was truncated or emptied');
    expect(emptied.err).toContain("公開テーブルにあるのに変更履歴にありません (added behind the log's back");
    expect(emptied.err).toMatch(/… ほか \d+ 件 \(and \d+ more\)/);
  });

  it('names a revision whose JSON no longer parses by its seq, in words, not the parser’s', async () => {
    const handle = openDatabase(dbFile);
    const revisions = handle.db.withTables<{ revision: { seq: number; after: string | null } }>();
    await revisions.updateTable('revision').set({ after: '{"title":"x"}}' }).where('seq', '=', 3).execute();
    await handle.close();
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      '変更履歴 3 でチェーンが切れています (chain broken at seq 3): 変更履歴 seq 3 の JSON が読めません',
    );
    expect(result.err).not.toContain('Unexpected');
  });

  it('reads the kept head from a saved export.json', async () => {
    const saved = join(dir, 'export.json');
    expect(await runCli(['export', '--format', 'json', '--out', saved], captureIo(dbFile))).toBe(0);
    const result = await verify('--head', saved);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('only appended to since the kept head');
  });

  it('refuses a --head that is neither SEQ:HASH nor a file with a head', async () => {
    const notAHead = join(dir, 'other.json');
    await writeFile(notAHead, '{"a":1}');
    expect((await verify('--head', '12:abc')).code).toBe(2);
    const result = await verify('--head', notAHead);
    expect(result.code).toBe(2);
    expect(result.err).toContain('holds no history head');
  });
});
