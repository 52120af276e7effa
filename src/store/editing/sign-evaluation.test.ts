/**
 * The yearly evaluation cycle on both databases: a department drafts and signs its 一次評価, admins (management,
 * the committee's secretariat) sign the 二次評価, the 外部評価 and the 最終判断; who may sign which stage; a stage is signed
 * once; every stage is a revision of the hash chain and `mieruka verify` (verifyHistory) passes.
 * FIXTURE: the fictional サンプル町 dataset (test/helpers/sample-dataset.ts), program `first-program`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDatabases } from '../../../test/helpers/databases.ts';
import { sampleDataset } from '../../../test/helpers/sample-dataset.ts';
import type { EvaluationStage } from '../../domain/model.ts';
import { verifyHistory } from '../../io/history/verify-history.ts';
import { createAccountStore } from '../accounts/index.ts';
import type { DatabaseHandle } from '../db.ts';
import { migrateToLatest } from '../migrate.ts';
import { createReadStore } from '../queries.ts';
import { saveOrganizationDocument } from '../save-dataset.ts';
import type { EditingStore, User } from './contract.ts';
import { createEditingStore } from './index.ts';

const program = 'first-program';

describe.each(testDatabases)('the evaluation cycle on $name', (database) => {
  let handle: DatabaseHandle;
  let editing: EditingStore;
  const users: Record<string, User> = {};

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

  /** A draft evaluation of the program at `stage` for FY2020, saved by `who`. */
  async function draft(who: User, stage: EvaluationStage, id = `${program}.fy2020-${stage}`) {
    return editing.saveChange(who, {
      entity: 'evaluation',
      action: 'create',
      id,
      version: null,
      data: {
        id,
        nodeId: program,
        position: 10,
        fiscalYear: 2020,
        evaluatorKind: stage === 'first' ? 'self' : stage === 'external' ? 'external' : 'internal',
        evaluatorName: stage === 'first' ? '企画課' : '行政改革推進本部',
        stage,
        scale: 'A-D',
        grade: 'B',
        nextStep: 'review',
        budgetEffect: { direction: 'decrease', amount: -400_000 },
        source: { documentId: 'sample-report', line: 30 },
      },
    });
  }

  async function versionOf(id: string): Promise<number> {
    return (await editing.getRecord('evaluation', id))?.version ?? -1;
  }

  beforeEach(async () => {
    handle = await database.open();
    expect((await migrateToLatest(handle.db)).ok).toBe(true);
    await saveOrganizationDocument(handle.db, sampleDataset());
    editing = createEditingStore(handle.db);
    users.admin = await add('admin', 'admin');
    users.department = await add('kikaku', 'editor', ['first-policy-a']);
    users.otherDepartment = await add('kenko', 'editor', ['first-policy-b']);
    users.evaluator = await add('hyoka', 'admin');
    users.viewer = await add('viewer', 'viewer');
  });
  afterEach(async () => {
    await handle?.close();
  });

  it('runs a whole year: each stage signed by its own role, each a revision, and verify passes', async () => {
    const { admin, department, evaluator } = users as Record<string, User>;
    expect((await draft(department as User, 'first')).ok).toBe(true);
    const stages: [EvaluationStage, User][] = [
      ['first', department as User],
      ['second', evaluator as User],
      ['external', evaluator as User],
      ['final', admin as User],
    ];
    for (const [stage, signer] of stages) {
      const id = `${program}.fy2020-${stage}`;
      if (stage !== 'first') expect((await draft(signer, stage)).ok).toBe(true);
      const signed = await editing.signEvaluation(signer, { id, version: await versionOf(id) });
      expect(signed).toMatchObject({ ok: true, value: { id, signedBy: signer.login } });
    }

    const node = (await createReadStore(handle.db).getNode(program))?.node;
    const cycle = node?.evaluations.filter((e) => e.fiscalYear === 2020) ?? [];
    expect(cycle.map((e) => [e.stage, e.signedBy])).toEqual([
      ['first', 'kikaku'],
      ['second', 'hyoka'],
      ['external', 'hyoka'],
      ['final', 'admin'],
    ]);
    for (const [stage] of stages) {
      const history = await editing.listPublicHistory('evaluation', `${program}.fy2020-${stage}`);
      expect(history.map((r) => [r.action, r.actor])).toEqual([['publish', history[0]?.actor]]);
      expect(history[0]?.reason).toMatch(/に署名 \(signed the /);
      expect(history[0]?.after).toMatchObject({ stage, signedAt: expect.any(String) });
    }
    expect(await editing.verifyChain()).toMatchObject({ ok: true });
    const report = await verifyHistory(handle.db);
    expect(report.tables).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('lets a department draft and sign only its own 一次評価', async () => {
    const { department, otherDepartment } = users as Record<string, User>;
    expect(await draft(otherDepartment as User, 'first')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await draft(department as User, 'first')).ok).toBe(true);
    const id = `${program}.fy2020-first`;
    const refused = await editing.signEvaluation(otherDepartment as User, {
      id,
      version: await versionOf(id),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.ok ? '' : JSON.stringify(refused.error)).toContain('一次評価');
  });

  it('refuses the signature to another organization’s admin, and gives it to the town’s own', async () => {
    const { admin, department } = users as Record<string, User>;
    const created = await editing.createOrganization(admin as User, {
      id: 'other-town',
      name: '別の町',
      kind: 'municipality',
    });
    expect(created.ok).toBe(true);
    const accounts = createAccountStore(handle.db);
    const scopedAdmin = async (login: string, organizationId: string) => {
      const added = await accounts.addUser({
        login,
        password: 'sample-password-1',
        role: 'admin',
        organizationId,
      });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      return added.value;
    };
    const otherAdmin = await scopedAdmin('other-admin', 'other-town');
    const ownAdmin = await scopedAdmin('own-admin', 'sample-town');
    expect((await draft(department as User, 'first')).ok).toBe(true);
    const id = `${program}.fy2020-first`;
    expect(await draft(otherAdmin, 'second')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await editing.signEvaluation(otherAdmin, { id, version: await versionOf(id) })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await editing.signEvaluation(ownAdmin, { id, version: await versionOf(id) })).ok).toBe(true);
  });

  it('keeps the later stages from editors and viewers', async () => {
    const { department, evaluator, viewer } = users as Record<string, User>;
    for (const stage of ['second', 'external', 'final'] as const)
      expect(await draft(department as User, stage)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    expect((await draft(evaluator as User, 'second')).ok).toBe(true);
    const id = `${program}.fy2020-second`;
    for (const who of [department, viewer])
      expect(await editing.signEvaluation(who as User, { id, version: await versionOf(id) })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
  });

  it('refuses to sign a stage twice, of the same evaluation or of another one at that stage', async () => {
    const { admin, evaluator } = users as Record<string, User>;
    await draft(evaluator as User, 'second');
    const id = `${program}.fy2020-second`;
    expect((await editing.signEvaluation(evaluator as User, { id, version: await versionOf(id) })).ok).toBe(
      true,
    );
    const again = await editing.signEvaluation(admin as User, { id, version: await versionOf(id) });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(JSON.stringify(again)).toContain('すでに署名されています');

    await draft(evaluator as User, 'second', `${program}.fy2020-second-bis`);
    const twin = `${program}.fy2020-second-bis`;
    const second = await editing.signEvaluation(admin as User, { id: twin, version: await versionOf(twin) });
    expect(second).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(JSON.stringify(second)).toContain(id);
    expect((await editing.listPublicHistory('evaluation', id)).map((r) => r.action)).toEqual(['publish']);
  });

  it('keeps a signed stage as signed: no edit, no delete, no forged signature', async () => {
    const { admin, evaluator } = users as Record<string, User>;
    await draft(evaluator as User, 'external');
    const id = `${program}.fy2020-external`;
    await editing.signEvaluation(evaluator as User, { id, version: await versionOf(id) });
    const stored = await editing.getRecord('evaluation', id);
    const edit = await editing.saveChange(admin as User, {
      entity: 'evaluation',
      action: 'update',
      id,
      version: stored?.version ?? 0,
      data: { ...(stored?.data as object), grade: 'A' },
    });
    expect(edit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const removal = await editing.saveChange(admin as User, {
      entity: 'evaluation',
      action: 'delete',
      id,
      version: stored?.version ?? 0,
    });
    expect(removal).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const forged = await editing.saveChange(evaluator as User, {
      entity: 'evaluation',
      action: 'create',
      id: 'forged',
      version: null,
      data: {
        ...(stored?.data as object),
        id: 'forged',
        signedBy: 'mayor',
        signedAt: '2021-01-01T00:00:00Z',
      },
    });
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses a stale version, and an evaluation outside the cycle', async () => {
    const { evaluator } = users as Record<string, User>;
    await draft(evaluator as User, 'final');
    const id = `${program}.fy2020-final`;
    const stale = await editing.signEvaluation(evaluator as User, { id, version: (await versionOf(id)) - 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // The sample's plan-level committee score has no stage.
    const outside = await editing.signEvaluation(evaluator as User, {
      id: 'first-plan-evaluation-committee',
      version: await versionOf('first-plan-evaluation-committee'),
    });
    expect(outside).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});
