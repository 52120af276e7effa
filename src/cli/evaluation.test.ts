/**
 * `mieruka evaluation sign` on both databases, over the fictional サンプル町 (test/helpers/sample-dataset.ts): each
 * exit code (0 signed, 1 failed, 2 usage, 3 conflict, 4 not allowed) with its Japanese and English words, and
 * `mieruka verify` (verifyHistory) passing after the signatures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { captureIo } from '../../test/helpers/cli-io.ts';
import { testDatabases } from '../../test/helpers/databases.ts';
import { sampleDataset } from '../../test/helpers/sample-dataset.ts';
import type { EvaluationStage } from '../domain/model.ts';
import { verifyHistory } from '../io/history/verify-history.ts';
import { createAccountStore } from '../store/accounts/index.ts';
import type { DatabaseHandle } from '../store/db.ts';
import type { User } from '../store/editing/contract.ts';
import { createEditingStore } from '../store/editing/index.ts';
import { saveOrganizationDocument } from '../store/save-dataset.ts';
import type { CliCommand } from './command.ts';
import { commandNamed } from './commands.ts';
import { parseSignArgs, runEvaluation, signExitCodes } from './evaluation.ts';
import { runCli } from './run.ts';

const program = 'first-program';

describe.each(testDatabases)('mieruka evaluation sign on $name', (database) => {
  let handle: DatabaseHandle;
  let admin: User;

  /** The real command, run on this test's database (kept open for the checks after it). */
  const command: CliCommand = {
    ...commandNamed('evaluation'),
    run: (args, io) => runEvaluation(args, io, async () => ({ ...handle, close: async () => {} })),
  };

  async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
    const io = captureIo(env);
    const code = await runCli(['evaluation', ...args], io, [command]);
    return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
  }

  async function add(login: string, role: User['role'], nodeIds: string[] | null = null): Promise<User> {
    const added = await createAccountStore(handle.db).addUser({
      login,
      password: 'sample-password-1',
      role,
      nodeIds,
    });
    if (!added.ok) throw new Error(JSON.stringify(added.error));
    return added.value;
  }

  async function draft(stage: EvaluationStage): Promise<string> {
    const id = `${program}.fy2020-${stage}`;
    const saved = await createEditingStore(handle.db).saveChange(admin, {
      entity: 'evaluation',
      action: 'create',
      id,
      version: null,
      data: {
        id,
        nodeId: program,
        position: 10,
        fiscalYear: 2020,
        evaluatorKind: stage === 'first' ? 'self' : 'internal',
        evaluatorName: stage === 'first' ? '企画課' : '行政改革推進本部',
        stage,
        scale: 'A-D',
        grade: 'B',
        source: { documentId: 'sample-report', line: 30 },
      },
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    return id;
  }

  const stored = async (id: string) => createEditingStore(handle.db).getRecord('evaluation', id);

  beforeEach(async () => {
    handle = await database.open();
    await saveOrganizationDocument(handle.db, sampleDataset());
    admin = await add('admin', 'admin');
    await add('kikaku', 'editor', ['first-policy-a']);
    await add('kenko', 'editor', ['first-policy-b']);
    await add('iinkai', 'evaluator');
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('signs each stage as its signer (exit 0), names stage and signer, and verify passes', async () => {
    const signers: [EvaluationStage, string][] = [
      ['first', 'kikaku'],
      ['second', 'iinkai'],
      ['external', 'iinkai'],
      ['final', 'admin'],
    ];
    for (const [stage, login] of signers) {
      const id = await draft(stage);
      const version = (await stored(id))?.version ?? -1;
      const result = await run(['sign', id, '--as', login, '--version', String(version)]);
      expect(result).toMatchObject({ code: signExitCodes.signed, err: '' });
      expect(result.out).toMatch(/^署名しました \(signed\): /);
      expect(result.out).toContain('2020年度 (FY2020)');
      expect(result.out).toContain(`— ${login}, `);
      expect((await stored(id))?.data).toMatchObject({ signedBy: login, signedAt: expect.any(String) });
    }
    const report = await verifyHistory(handle.db);
    expect(report.tables).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('takes the reason into the history, and the current version when none is given', async () => {
    const id = await draft('second');
    const result = await run(['sign', id, '--as', 'iinkai', '--reason', '令和3年度 第2回 行政改革推進本部']);
    expect(result.code).toBe(0);
    const history = await createEditingStore(handle.db).listPublicHistory('evaluation', id);
    expect(history.map((r) => [r.action, r.actor, r.reason])).toEqual([
      ['publish', 'iinkai', '令和3年度 第2回 行政改革推進本部'],
    ]);
  });

  it('signs as the operating-system user when --as is left out', async () => {
    const id = await draft('first');
    expect((await run(['sign', id], { USER: 'kikaku' })).code).toBe(0);
    expect((await stored(id))?.data).toMatchObject({ signedBy: 'kikaku' });
  });

  it('exits 1 for a stage already signed, an unknown evaluation or account, saying so in both languages', async () => {
    const id = await draft('final');
    expect((await run(['sign', id, '--as', 'admin'])).code).toBe(0);
    const again = await run(['sign', id, '--as', 'admin']);
    expect(again.code).toBe(signExitCodes.failed);
    expect(again.err).toContain(
      'この最終判断はすでに署名されています (this final decision is already signed)',
    );
    const unknown = await run(['sign', 'no-such', '--as', 'admin']);
    expect(unknown).toMatchObject({ code: 1, err: '評価が見つかりません (no such evaluation): no-such' });
    const nobody = await run(['sign', id, '--as', 'nobody']);
    expect(nobody.code).toBe(1);
    expect(nobody.err).toContain('アカウントがありません (no such account): nobody');
  });

  it('exits 3 for a stale version and signs nothing', async () => {
    const id = await draft('second');
    const version = (await stored(id))?.version ?? -1;
    const result = await run(['sign', id, '--as', 'iinkai', '--version', String(version - 1)]);
    expect(result.code).toBe(signExitCodes.conflict);
    expect(result.err).toContain(`指定の版 ${version - 1}、現在の版 ${version}`);
    expect(result.err).toContain('the evaluation changed');
    expect((await stored(id))?.data).toMatchObject({ signedBy: null });
  });

  it('exits 4 when the account may not sign the stage: another department, an editor a later stage, the evaluator a 一次評価', async () => {
    const first = await draft('first');
    const second = await draft('second');
    for (const [id, login] of [
      [first, 'kenko'],
      [second, 'kikaku'],
      [first, 'iinkai'],
    ] as const) {
      const result = await run(['sign', id, '--as', login]);
      expect(result.code).toBe(signExitCodes.forbidden);
      expect(result.err).toMatch(/^署名できません \(not allowed\): .*権限がありません \(you may not sign/);
    }
    expect((await stored(first))?.data).toMatchObject({ signedBy: null });
  });

  it('exits 2 for bad usage', async () => {
    for (const args of [
      [],
      ['sign'],
      ['approve', 'x'],
      ['sign', 'a', 'b'],
      ['sign', 'a', '--version', '-1'],
      ['sign', 'a', '--when', 'now'],
    ]) {
      const result = await run(args, { USER: 'admin' });
      expect(result.code, args.join(' ')).toBe(signExitCodes.usage);
    }
    expect(() => parseSignArgs(['sign', 'a'], {})).toThrow(/--as/);
    expect(parseSignArgs(['sign', 'a', '--as', 'x', '--version', '4', '--reason', ' r '], {})).toEqual({
      id: 'a',
      login: 'x',
      version: 4,
      reason: 'r',
    });
  });
});
