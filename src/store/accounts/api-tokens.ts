/**
 * Bearer tokens for the write API: shown once when issued, stored as SHA-256, revocable by an admin, and expiring
 * on a date chosen when issued (90 days unless told), so a token forgotten in an old script stops working.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { actingOrganization, can } from '../../domain/editing/permissions.ts';
import type { ApiTokenInfo, ApiTokenRefusal, EditingError, Result, User } from '../editing/contract.ts';
import { type ApiTokenTable, withEditingTables } from '../editing/tables.ts';
import { organizationIdFor } from '../registry/organization-ref.ts';
import type { Database } from '../schema.ts';
import { newSecretToken, tokenHash } from './secret-token.ts';
import { userFromRow } from './user-rows.ts';

function infoFromRow(row: Selectable<ApiTokenTable>): ApiTokenInfo {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    organizationId: row.organization_id ?? null,
  };
}

export const defaultApiTokenDays = 90;
export const maxApiTokenDays = 365;
const dayMs = 86_400_000;
// Every API call would otherwise be a write: once a minute is exact enough for "last used".
const lastUsedResolutionMs = 60_000;

const refusals: Record<ApiTokenRefusal['reason'], string> = {
  unknown: 'API トークンが正しくありません (unknown API token)',
  revoked: 'API トークンは失効しています (the API token was revoked)',
  expired:
    'API トークンの有効期限が切れています。管理者に新しいトークンを発行してもらってください (the API token has expired; ask an admin for a new one)',
  disabled: 'この利用者は無効になっています (the user is disabled)',
  organization:
    'API トークンの団体と利用者の団体が違います (the token is scoped to another organization than its user)',
};

const refuse = (reason: ApiTokenRefusal['reason']): { ok: false; error: ApiTokenRefusal } => ({
  ok: false,
  error: { code: 'unauthenticated', reason, message: refusals[reason] },
});

const invalidDays = (): { ok: false; error: EditingError } => ({
  ok: false,
  error: {
    code: 'invalid',
    issues: [
      {
        field: 'expiresInDays',
        message: `「有効日数」は 1〜${maxApiTokenDays} の整数です (expiresInDays must be a whole number from 1 to ${maxApiTokenDays})`,
      },
    ],
  },
});

const forbidden = {
  ok: false,
  error: {
    code: 'forbidden',
    message: 'API トークンを管理する権限がありません (only admins manage API tokens)',
  },
} as const;

async function activeUser(database: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await withEditingTables(database)
    .selectFrom('user_account')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && userFromRow(row);
}

export async function issueApiToken(
  database: Kysely<Database>,
  adminId: string,
  userId: string,
  label: string,
  now: Date,
  options: { expiresInDays?: number; organizationId?: string | undefined } = {},
): Promise<Result<ApiTokenInfo & { token: string }>> {
  const expiresInDays = options.expiresInDays ?? defaultApiTokenDays;
  const admin = await activeUser(database, adminId);
  if (!admin || !can(admin, 'manage_tokens')) return forbidden;
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > maxApiTokenDays)
    return invalidDays();
  const user = await activeUser(database, userId);
  if (!user) return { ok: false, error: { code: 'not_found', entity: 'user', id: userId } };
  const scope = await tokenScope(database, user.organizationId, options.organizationId);
  if (!scope.ok) return scope;
  // The admin must reach both the user and the organization the token will act in.
  if (!can(admin, 'manage_tokens', { organizationId: user.organizationId })) return forbidden;
  if (!can(admin, 'manage_tokens', { organizationId: scope.value })) return forbidden;
  if (label.trim() === '')
    return {
      ok: false,
      error: {
        code: 'invalid',
        issues: [{ field: 'label', message: '「名前」を入力してください (label is required)' }],
      },
    };
  const token = newSecretToken();
  const row = {
    id: randomUUID(),
    user_id: userId,
    label: label.trim(),
    token_hash: tokenHash(token),
    created_by: adminId,
    created_at: now.toISOString(),
    revoked_at: null,
    last_used_at: null,
    expires_at: new Date(now.getTime() + expiresInDays * dayMs).toISOString(),
    organization_id: scope.value,
  };
  await withEditingTables(database).insertInto('api_token').values(row).execute();
  return { ok: true, value: { ...infoFromRow(row), token } };
}

/** The organization a new token acts in: the one asked for (an operator's token for one city), else the user's. */
async function tokenScope(
  database: Kysely<Database>,
  userOrganization: string | null,
  asked: string | undefined,
): Promise<Result<string | null>> {
  if (asked === undefined || asked === '') return { ok: true, value: userOrganization };
  const id = await organizationIdFor(database, asked);
  const narrowed = id === undefined ? undefined : actingOrganization(userOrganization, id);
  if (narrowed === undefined)
    return {
      ok: false,
      error: {
        code: 'invalid',
        issues: [
          {
            field: 'organizationId',
            message: `この利用者はその団体では使えません (the user cannot act in that organization): ${asked}`,
          },
        ],
      },
    };
  return { ok: true, value: narrowed };
}

/**
 * The token's user, unless the token is unknown, revoked or expired or the user disabled. Notes when it was last
 * used, at most once a minute, so a busy API client does not turn every read into a write.
 */
export async function authenticateApiToken(
  database: Kysely<Database>,
  token: string,
  now: Date,
): Promise<Result<User, ApiTokenRefusal>> {
  const db = withEditingTables(database);
  const row = await db
    .selectFrom('api_token')
    .innerJoin('user_account', 'user_account.id', 'api_token.user_id')
    .selectAll('user_account')
    .select([
      'api_token.id as token_id',
      'api_token.revoked_at',
      'api_token.expires_at',
      'api_token.last_used_at',
      'api_token.organization_id as token_organization_id',
    ])
    .where('api_token.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row) return refuse('unknown');
  if (row.revoked_at !== null) return refuse('revoked');
  if (row.expires_at === null || Date.parse(row.expires_at) <= now.getTime()) return refuse('expired');
  const user = userFromRow(row);
  if (user.disabled) return refuse('disabled');
  // A token acts in its own organization; if its user has since moved to another, it stops working.
  const organizationId = actingOrganization(user.organizationId, row.token_organization_id ?? null);
  if (organizationId === undefined) return refuse('organization');
  const lastUsed = row.last_used_at === null ? Number.NEGATIVE_INFINITY : Date.parse(row.last_used_at);
  if (now.getTime() - lastUsed >= lastUsedResolutionMs) {
    await db
      .updateTable('api_token')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.token_id)
      .execute();
  }
  return { ok: true, value: { ...user, organizationId } };
}

export async function revokeApiToken(
  database: Kysely<Database>,
  adminId: string,
  tokenId: string,
  now: Date,
): Promise<Result<void>> {
  const admin = await activeUser(database, adminId);
  if (!admin || !can(admin, 'manage_tokens')) return forbidden;
  const owner = await withEditingTables(database)
    .selectFrom('api_token')
    .innerJoin('user_account', 'user_account.id', 'api_token.user_id')
    .select(['user_account.organization_id as user_organization', 'api_token.organization_id'])
    .where('api_token.id', '=', tokenId)
    .executeTakeFirst();
  if (!owner) return { ok: false, error: { code: 'not_found', entity: 'api_token', id: tokenId } };
  for (const organizationId of [owner.user_organization, owner.organization_id])
    if (!can(admin, 'manage_tokens', { organizationId: organizationId ?? null })) return forbidden;
  const result = await withEditingTables(database)
    .updateTable('api_token')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0)
    return { ok: false, error: { code: 'not_found', entity: 'api_token', id: tokenId } };
  return { ok: true, value: undefined };
}

export async function listApiTokens(database: Kysely<Database>, userId?: string): Promise<ApiTokenInfo[]> {
  let query = withEditingTables(database)
    .selectFrom('api_token')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id');
  if (userId !== undefined) query = query.where('user_id', '=', userId);
  return (await query.execute()).map(infoFromRow);
}
