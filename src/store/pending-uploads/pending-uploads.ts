/**
 * Uploads waiting between an import's preview and its confirmation, in the database so that any node behind a
 * load balancer can confirm what another previewed. Each is bound to the user who uploaded it, used once (taken by
 * one DELETE … RETURNING, so two nodes cannot both take it), expires, and a user keeps only a few: the oldest go.
 * Expired rows are purged whenever an upload is kept or taken.
 *
 * @example const uploads = createPendingUploadStore(db); const kept = await uploads.keep({ userId, fileName, bytes, options: '{}' })
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newSecretToken, tokenHash } from '../accounts/secret-token.ts';
import type { Database } from '../schema.ts';
import { withPendingUploadTables } from './tables.ts';

export interface PendingUploadInput {
  userId: string;
  fileName: string;
  bytes: Uint8Array;
  /** JSON the caller reads back itself (what the preview was asked with). */
  options: string;
}

export interface PendingUpload extends PendingUploadInput {
  sha256: string;
  expiresAt: string;
}

export type KeepOutcome =
  | { ok: true; token: string; sha256: string }
  | { ok: false; error: 'too-large'; maxBytes: number };

export interface PendingUploadSettings {
  /** How long an upload waits for its confirmation; 30 minutes by default. */
  ttlSeconds?: number;
  /** Uploads kept per user; a newer one pushes the oldest out. 3 by default. */
  perUser?: number;
  /** The largest upload kept; 256 MiB by default (the web passes the table import's own, smaller limit). */
  maxBytes?: number;
  now?: () => Date;
}

export interface PendingUploadStore {
  keep(upload: PendingUploadInput): Promise<KeepOutcome>;
  /** The upload for `token` if `userId` made it and it has not expired, deleted in the same statement. */
  take(token: string, userId: string): Promise<PendingUpload | undefined>;
}

export const defaultPendingUploadSettings = {
  ttlSeconds: 30 * 60,
  perUser: 3,
  maxBytes: 256 * 1024 * 1024,
} as const;

export function createPendingUploadStore(
  database: Kysely<Database>,
  settings: PendingUploadSettings = {},
): PendingUploadStore {
  const { ttlSeconds, perUser, maxBytes } = { ...defaultPendingUploadSettings, ...settings };
  const now = settings.now ?? (() => new Date());
  const db = withPendingUploadTables(database);
  const purgeExpired = (at: Date) =>
    db.deleteFrom('pending_upload').where('expires_at', '<=', at.toISOString()).execute();

  return {
    async keep({ userId, fileName, bytes, options }) {
      if (bytes.byteLength > maxBytes) return { ok: false, error: 'too-large', maxBytes };
      const at = now();
      const token = newSecretToken();
      const hash = tokenHash(token);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('pending_upload').where('expires_at', '<=', at.toISOString()).execute();
        await trx
          .insertInto('pending_upload')
          .values({
            token_hash: hash,
            user_id: userId,
            file_name: fileName,
            sha256,
            byte_size: bytes.byteLength,
            content: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
            options,
            created_at: at.toISOString(),
            expires_at: new Date(at.getTime() + ttlSeconds * 1000).toISOString(),
          })
          .execute();
        // The user's others beyond the newest perUser − 1 go. Trimming after the insert rather than before means
        // two uploads racing on two nodes both trim, so the count settles at the limit.
        await trx
          .deleteFrom('pending_upload')
          .where('user_id', '=', userId)
          .where('token_hash', '!=', hash)
          .where(
            'token_hash',
            'not in',
            trx
              .selectFrom('pending_upload')
              .select('token_hash')
              .where('user_id', '=', userId)
              .where('token_hash', '!=', hash)
              .orderBy('created_at', 'desc')
              .orderBy('token_hash', 'desc')
              .limit(Math.max(0, perUser - 1)),
          )
          .execute();
      });
      return { ok: true, token, sha256 };
    },

    async take(token, userId) {
      const at = now();
      await purgeExpired(at);
      const row = await db
        .deleteFrom('pending_upload')
        .where('token_hash', '=', tokenHash(token))
        .where('user_id', '=', userId)
        .where('expires_at', '>', at.toISOString())
        .returning(['user_id', 'file_name', 'sha256', 'content', 'options', 'expires_at'])
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const content = row.content;
      return {
        userId: row.user_id,
        fileName: row.file_name,
        bytes: new Uint8Array(content.buffer, content.byteOffset, content.byteLength),
        sha256: row.sha256,
        options: row.options,
        expiresAt: row.expires_at,
      };
    },
  };
}
