import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import { productionCost } from '../store/accounts/password.ts';
import { openDatabase } from '../store/db.ts';
import { withEditingTables } from '../store/editing/tables.ts';
import type { CliCommand } from './command.ts';
import { commandNamed } from './commands.ts';
import type { PasswordSource } from './password-input.ts';
import { runCli } from './run.ts';
import { parseAddArgs, runUser } from './user.ts';

const bin = join(import.meta.dirname, '../../bin/mieruka.js');

const piped = (text: string) => ({ input: Readable.from([text]), prompt: new PassThrough() });

/** The `user` command reading its passwords from `source` instead of the terminal. */
const createUserCommand = (source: PasswordSource): CliCommand => ({
  ...commandNamed('user'),
  run: (args, io) => runUser(args, io, source),
});

describe('mieruka user and verify on a temp SQLite file', () => {
  let dir: string;
  let url: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mieruka-cli-'));
    url = join(dir, 'test.sqlite');
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function login(name: string, password: string) {
    const handle = openDatabase(url);
    try {
      return await createAccountStore(handle.db).login(name, password, '127.0.0.1');
    } finally {
      await handle.close();
    }
  }

  it('adds a user with the password read from stdin', async () => {
    const io = captureIo({ DATABASE_URL: url });
    const command = createUserCommand(piped('long-enough-pw\nignored second line\n'));
    expect(await runCli(['user', 'add', 'tanaka', '--role', 'editor', '--nodes', 'a,b'], io, [command])).toBe(
      0,
    );
    expect(io.stdout.join('\n')).toContain('tanaka (editor)');
    expect(await login('tanaka', 'long-enough-pw')).toMatchObject({
      ok: true,
      value: { role: 'editor', nodeIds: ['a', 'b'] },
    });
    expect((await login('tanaka', 'ignored second line')).ok).toBe(false);
  });

  it('refuses a short password with exit 1 and says why', async () => {
    const io = captureIo({ DATABASE_URL: url });
    expect(
      await runCli(['user', 'add', 'tanaka', '--role', 'admin'], io, [createUserCommand(piped('short\n'))]),
    ).toBe(1);
    expect(io.stderr.join('\n')).toContain('password');
  });

  it('exits 2 for a missing or unknown role', async () => {
    const io = captureIo({ DATABASE_URL: url });
    expect(await runCli(['user', 'add', 'tanaka'], io, [createUserCommand(piped('x\n'))])).toBe(2);
    expect(() => parseAddArgs(['tanaka', '--role', 'boss'])).toThrow(/role/);
    expect(parseAddArgs(['tanaka', '--role', 'viewer'])).toEqual({
      login: 'tanaka',
      role: 'viewer',
      nodeIds: null,
      organizationId: null,
    });
    expect(parseAddArgs(['tanaka', '--role', 'editor', '--organization', '202088'])).toMatchObject({
      organizationId: '202088',
    });
  });

  it('resets a password with passwd and lists users', async () => {
    const io = captureIo({ DATABASE_URL: url });
    await runCli(['user', 'add', 'suzuki', '--role', 'viewer'], io, [
      createUserCommand(piped('first-password\n')),
    ]);
    expect(
      await runCli(['user', 'passwd', 'suzuki'], io, [createUserCommand(piped('second-password\n'))]),
    ).toBe(0);
    expect((await login('suzuki', 'second-password')).ok).toBe(true);
    expect(await runCli(['user', 'list'], io, [createUserCommand(piped(''))])).toBe(0);
    expect(io.stdout).toContain('suzuki\tviewer');
  });

  it('scopes an account to an organization named by its 団体コード or id, and refuses an unknown one', async () => {
    expect(await runCli(['seed', 'demo'], captureIo({ DATABASE_URL: url }))).toBe(0);
    const io = captureIo({ DATABASE_URL: url });
    const add = (login: string, organization: string) =>
      runCli(['user', 'add', login, '--role', 'editor', '--organization', organization], io, [
        createUserCommand(piped('a-long-enough-password\n')),
      ]);
    expect(await add('komoro-staff', '202088')).toBe(0);
    expect(await add('hirakata-staff', 'hirakata')).toBe(0);
    expect(await add('nowhere-staff', '999999')).toBe(1);
    expect(io.stderr.join('\n')).toContain('organization not found');
    expect(await runCli(['user', 'list'], io, [createUserCommand(piped(''))])).toBe(0);
    expect(io.stdout).toContain('komoro-staff\teditor organization=komoro');
    expect(io.stdout).toContain('hirakata-staff\teditor organization=hirakata');
  });

  it('verify exits 0 on an intact chain and 1 naming the seq after a revision is edited', async () => {
    const seeded = captureIo({ DATABASE_URL: url });
    expect(await runCli(['seed', 'demo'], seeded)).toBe(0);
    const ok = captureIo({ DATABASE_URL: url });
    expect(await runCli(['verify'], ok)).toBe(0);
    expect(ok.stdout.join('\n')).toMatch(/chain intact\): [1-9]\d* revisions/);

    const handle = openDatabase(url);
    await withEditingTables(handle.db)
      .updateTable('revision')
      .set({ reason: 'altered' })
      .where('seq', '=', 7)
      .execute();
    await handle.close();
    const broken = captureIo({ DATABASE_URL: url });
    expect(await runCli(['verify'], broken)).toBe(1);
    expect(broken.stderr.join('\n')).toContain('chain broken at seq 7');
  });

  // The suite hashes passwords cheaply (test/setup/cheap-passwords.ts); the command a municipality runs must not,
  // even with this test's whole environment handed down to it.
  it('reads the password from a pipe when run as a process, and stores it at the production scrypt cost', {
    tags: ['slow'],
    timeout: 60_000,
  }, async () => {
    const child = spawn(process.execPath, [bin, 'user', 'add', 'sato', '--role', 'admin'], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end('piped-password-1\n');
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('sato (admin)');
    expect((await login('sato', 'piped-password-1')).ok).toBe(true);
    const handle = openDatabase(url);
    try {
      const row = await withEditingTables(handle.db)
        .selectFrom('user_account')
        .select('password')
        .where('login', '=', 'sato')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.password)).toMatchObject({ algorithm: 'scrypt', ...productionCost });
    } finally {
      await handle.close();
    }
  });
});
