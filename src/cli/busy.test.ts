/** `mieruka import` as a process while another process holds the SQLite write lock. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDemoSqlite } from '../../test/helpers/sqlite-templates.ts';
import { databaseBusyExitCode } from './busy.ts';

const bin = new URL('../../bin/mieruka.js', import.meta.url).pathname;
const csv = [
  'indicatorId,date,value,sourceDocumentId,sourceLine,sourceQuote',
  'mirai-2016.i.seizure-count,H28,102件,komoro-pride-vol5,99,H28:102件',
].join('\n');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function importAsProcess(db: string, file: string, waitSeconds: string): Promise<Run> {
  const env = { ...process.env, DATABASE_URL: db, MIERUKA_WRITE_WAIT_SECONDS: waitSeconds };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, 'import', file, '--quiet', '--publish', '--accept-warnings'],
      {
        env,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('mieruka import while another process writes', { tags: ['slow'] }, () => {
  let dir: string;
  let db: string;
  let file: string;
  let other: SqliteDatabase.Database;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mieruka-cli-busy-'));
    db = join(dir, 'demo.sqlite');
    file = join(dir, 'seizure.csv');
    await writeDemoSqlite(db);
    await writeFile(file, csv);
    other = new SqliteDatabase(db);
    other.pragma('journal_mode = WAL');
  });
  const valueCount = () =>
    (other.prepare('select count(*) as n from indicator_value').get() as { n: number }).n;

  afterEach(async () => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('waits for the lock, then says plainly that another process is writing, exits 75 and saves nothing', async () => {
    const valuesBefore = valueCount();
    other.exec('begin immediate');
    const run = await importAsProcess(db, file, '1');
    expect(run.code).toBe(databaseBusyExitCode);
    expect(run.stderr).toContain('別の処理がデータベースに書き込み中です');
    expect(run.stderr).toContain('(another process is writing to the database');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).not.toContain('SQLITE_BUSY');
    other.exec('rollback');
    expect(valueCount()).toBe(valuesBefore);
  });

  it('imports once the other process lets go within the wait', async () => {
    const valuesBefore = valueCount();
    other.exec('begin immediate');
    const running = importAsProcess(db, file, '30');
    setTimeout(() => other.exec('commit'), 1_500);
    const run = await running;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('created 1');
    expect(valueCount()).toBe(valuesBefore + 1);
  });
});
