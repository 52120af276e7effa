import { describe, expect, it } from 'vitest';
import {
  type Actor,
  actingOrganization,
  can,
  type EditingAction,
  editingActions,
  type Role,
  roles,
} from './permissions.ts';
import { type EditingEntity, editingEntities } from './records.ts';

const department = ['pillar-1'];
const inside = ['policy-3', 'pillar-1'];
const outside = ['policy-9', 'pillar-2'];

function user(
  role: Role,
  nodeIds: string[] | null = null,
  disabled = false,
  organizationId: string | null = null,
): Actor {
  return { id: `u-${role}`, login: role, role, nodeIds, disabled, organizationId };
}

const content = new Set<EditingAction>(['create', 'update', 'delete']);

/** The expected matrix, written out independently of can()'s branches. */
function expected(
  role: Role,
  scoped: boolean,
  action: EditingAction,
  entity: EditingEntity,
  within: boolean,
) {
  if (role === 'admin') return true;
  if (action === 'read_drafts') return true;
  if (role === 'viewer') return false;
  if (action === 'sign') return false;
  if (!content.has(action)) return false;
  if (!scoped) return true;
  return entity !== 'plan' && within;
}

const cases = roles.flatMap((role) =>
  [false, true].flatMap((scoped) =>
    editingActions.flatMap((action) =>
      editingEntities.flatMap((entity) =>
        [true, false].map((within) => ({ role, scoped, action, entity, within })),
      ),
    ),
  ),
);

describe('can', () => {
  it.each(cases)('$role (scoped: $scoped) $action $entity, in department: $within', (c) => {
    const actor = user(c.role, c.scoped ? department : null);
    const target = { entity: c.entity, nodePath: c.within ? inside : outside };
    expect(can(actor, c.action, target)).toBe(expected(c.role, c.scoped, c.action, c.entity, c.within));
  });

  it('lets a scoped editor edit the department node itself', () => {
    expect(can(user('editor', department), 'update', { entity: 'node', nodePath: ['pillar-1'] })).toBe(true);
  });

  it('refuses a scoped editor a record outside any node', () => {
    expect(can(user('editor', department), 'create', { entity: 'node', nodePath: [] })).toBe(false);
  });

  it('refuses everything to a disabled user, admin included', () => {
    for (const role of roles) {
      for (const action of editingActions) expect(can(user(role, null, true), action, {})).toBe(false);
    }
  });

  describe('the stages of the evaluation cycle', () => {
    const evaluation = (stage: 'first' | 'second' | 'external' | 'final', within = true) => ({
      entity: 'evaluation' as const,
      nodePath: within ? inside : outside,
      stage,
    });

    it('lets a department editor draft and sign its own 一次評価, and no other department’s', () => {
      const editor = user('editor', department);
      expect(can(editor, 'create', evaluation('first'))).toBe(true);
      expect(can(editor, 'sign', evaluation('first'))).toBe(true);
      expect(can(editor, 'sign', evaluation('first', false))).toBe(false);
      expect(can(user('editor'), 'sign', evaluation('first', false))).toBe(true);
    });

    it('keeps the later stages from editors, even unscoped ones', () => {
      for (const stage of ['second', 'external', 'final'] as const) {
        expect(can(user('editor'), 'create', evaluation(stage))).toBe(false);
        expect(can(user('editor'), 'update', evaluation(stage))).toBe(false);
        expect(can(user('editor'), 'sign', evaluation(stage))).toBe(false);
      }
    });

    it('lets admins draft and sign every stage, and viewers none', () => {
      for (const stage of ['first', 'second', 'external', 'final'] as const) {
        expect(can(user('admin'), 'create', evaluation(stage, false))).toBe(true);
        expect(can(user('admin'), 'sign', evaluation(stage, false))).toBe(true);
        expect(can(user('viewer'), 'sign', evaluation(stage))).toBe(false);
      }
    });
  });

  it('lets only admins manage users and tokens', () => {
    expect(can(user('admin'), 'manage_users')).toBe(true);
    expect(can(user('editor'), 'manage_users')).toBe(false);
    expect(can(user('editor'), 'manage_tokens')).toBe(false);
  });

  describe('organizations as tenants', () => {
    const komoro = (role: Role) => user(role, null, false, 'komoro');

    it('refuses a scoped user every action on another organization’s records, admin included', () => {
      for (const role of roles)
        for (const action of editingActions)
          expect(
            can(komoro(role), action, { entity: 'node', nodePath: inside, organizationId: 'hirakata' }),
          ).toBe(false);
    });

    it('refuses a scoped user a record whose organization the store could not find', () => {
      expect(can(komoro('admin'), 'update', { entity: 'node', organizationId: null })).toBe(false);
      expect(can(user('admin'), 'update', { entity: 'node', organizationId: null })).toBe(true);
    });

    it('gives a scoped user their role within their own organization', () => {
      const own = { entity: 'node' as const, nodePath: inside, organizationId: 'komoro' };
      expect(can(komoro('admin'), 'publish', own)).toBe(true);
      expect(can(komoro('editor'), 'update', own)).toBe(true);
      expect(can(komoro('viewer'), 'read_drafts', own)).toBe(true);
      expect(can(komoro('viewer'), 'update', own)).toBe(false);
    });

    it('lets only an operator-wide admin create organizations', () => {
      expect(can(user('admin'), 'manage_organizations')).toBe(true);
      expect(can(komoro('admin'), 'manage_organizations')).toBe(false);
      expect(can(user('editor'), 'manage_organizations')).toBe(false);
    });

    it('narrows an operator-wide account to its token’s organization, never widens a scoped one', () => {
      expect(actingOrganization(null, 'komoro')).toBe('komoro');
      expect(actingOrganization(null, null)).toBe(null);
      expect(actingOrganization('komoro', null)).toBe('komoro');
      expect(actingOrganization('komoro', 'komoro')).toBe('komoro');
      expect(actingOrganization('komoro', 'hirakata')).toBe(undefined);
    });
  });
});
