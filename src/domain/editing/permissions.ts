/**
 * Who may do what: the one decision the web half checks on every write and the store commands check again.
 * admin: everything, and alone publishes. editor: drafts of content, optionally only under the nodes of their
 * department. viewer: reads drafts.
 */
import type { EditingEntity } from './records.ts';

export const roles = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const editingActions = [
  'read_drafts',
  'create',
  'update',
  'delete',
  'publish',
  'manage_users',
  'manage_tokens',
] as const;
export type EditingAction = (typeof editingActions)[number];

/** The part of a user a permission depends on. */
export interface Actor {
  id: string;
  login: string;
  role: Role;
  /** Department scope: node ids an editor may edit (with descendants); null means the whole site. */
  nodeIds: readonly string[] | null;
  disabled: boolean;
}

/** What is acted on: the entity and the chain of nodes it sits under, nearest first (empty for plan-level records). */
export interface PermissionTarget {
  entity?: EditingEntity;
  nodePath?: readonly string[];
}

// Publishing is what citizens see, so it stays with admins: an editor's work waits as a draft for review.
const contentActions: ReadonlySet<EditingAction> = new Set(['create', 'update', 'delete']);

function inScope(scope: readonly string[] | null, nodePath: readonly string[] | undefined): boolean {
  if (scope === null) return true;
  return (nodePath ?? []).some((id) => scope.includes(id));
}

/**
 * Whether the user may take the action on the target.
 * @example can({ role: 'editor', nodeIds: ['p1'], … }, 'update', { entity: 'indicator', nodePath: ['n3', 'p1'] }) // true
 */
export function can(user: Actor, action: EditingAction, target: PermissionTarget = {}): boolean {
  if (user.disabled) return false;
  if (user.role === 'admin') return true;
  if (action === 'read_drafts') return true;
  if (user.role !== 'editor' || !contentActions.has(action)) return false;
  // A plan's own fields govern every department's nodes, so only an unscoped editor may change them.
  if (target.entity === 'plan') return user.nodeIds === null;
  return inScope(user.nodeIds, target.nodePath);
}
