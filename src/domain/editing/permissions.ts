/**
 * Who may do what: the one decision the web half checks on every write and the store commands check again.
 * admin: everything, and alone publishes. editor: drafts of content, optionally only under the nodes of their
 * department, and signs its 一次評価; the later stages (二次評価, 外部評価, 最終判断) are drafted and signed by admins.
 * viewer: reads drafts.
 * Beside the role, every user (and API token) is scoped to one organization or operator-wide: a scoped user's
 * role holds only for records of that organization, and only an operator-wide admin creates organizations.
 */
import type { EvaluationStage } from '../model.ts';
import type { EditingEntity } from './records.ts';

export const roles = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const editingActions = [
  'read_drafts',
  'create',
  'update',
  'delete',
  'publish',
  'sign',
  'manage_users',
  'manage_tokens',
  'manage_organizations',
] as const;
export type EditingAction = (typeof editingActions)[number];

/** The part of a user a permission depends on. */
export interface Actor {
  id: string;
  login: string;
  role: Role;
  /** Department scope: node ids an editor may edit (with descendants); null means the whole site. */
  nodeIds: readonly string[] | null;
  /** The organization (tenant) the role holds in; null means operator-wide (every organization). */
  organizationId: string | null;
  disabled: boolean;
}

/** What is acted on: the entity and the chain of nodes it sits under, nearest first (empty for plan-level records). */
export interface PermissionTarget {
  entity?: EditingEntity;
  nodePath?: readonly string[];
  /** For an evaluation: its stage of the yearly cycle (null or absent: outside the cycle). */
  stage?: EvaluationStage | null;
  /**
   * The organization the record belongs to, as the store derives it (plan → organization); null when it belongs
   * to none the store can find (only operator-wide users may act then). Absent: a question about the role alone.
   */
  organizationId?: string | null;
}

/** The stages after the department's own: only admins draft or sign them. */
export const laterStages: ReadonlySet<EvaluationStage> = new Set(['second', 'external', 'final']);

// Publishing is what citizens see, so it stays with admins: an editor's work waits as a draft for review.
const contentActions: ReadonlySet<EditingAction> = new Set(['create', 'update', 'delete']);

function inScope(scope: readonly string[] | null, nodePath: readonly string[] | undefined): boolean {
  if (scope === null) return true;
  return (nodePath ?? []).some((id) => scope.includes(id));
}

/** Operator-wide users reach every organization; a scoped user only the records of their own. */
export function inOrganization(user: Pick<Actor, 'organizationId'>, target: PermissionTarget): boolean {
  if (user.organizationId === null || target.organizationId === undefined) return true;
  return target.organizationId === user.organizationId;
}

/**
 * The organization a request acts in: the account's, narrowed by the one its API token (or session) was scoped
 * to; undefined when the two name different organizations (the request is then refused).
 * @example actingOrganization(null, 'komoro') // 'komoro': an operator's token for one city
 */
export function actingOrganization(
  account: string | null,
  presented: string | null,
): string | null | undefined {
  if (account === null) return presented;
  if (presented === null || presented === account) return account;
  return undefined;
}

/**
 * Whether the user may take the action on the target.
 * @example can({ role: 'editor', nodeIds: ['p1'], … }, 'update', { entity: 'indicator', nodePath: ['n3', 'p1'] }) // true
 */
export function can(user: Actor, action: EditingAction, target: PermissionTarget = {}): boolean {
  if (user.disabled) return false;
  if (!inOrganization(user, target)) return false;
  // A new tenant is the operator's decision, never one city's.
  if (action === 'manage_organizations') return user.role === 'admin' && user.organizationId === null;
  if (user.role === 'admin') return true;
  if (action === 'read_drafts') return true;
  const laterStage = target.stage != null && laterStages.has(target.stage);
  if (user.role !== 'editor') return false;
  // A department signs its own 一次評価; the stages after it belong to management and the committee.
  if (action === 'sign') return target.stage === 'first' && inScope(user.nodeIds, target.nodePath);
  if (!contentActions.has(action)) return false;
  if (target.entity === 'evaluation' && laterStage) return false;
  // A plan's own fields govern every department's nodes, so only an unscoped editor may change them.
  if (target.entity === 'plan') return user.nodeIds === null;
  return inScope(user.nodeIds, target.nodePath);
}
