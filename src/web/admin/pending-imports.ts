/**
 * Uploads waiting between an import's preview and its confirmation: the store's pending uploads (in the database,
 * so the confirmation may reach another node than the preview did) with what the preview was asked with, read
 * back through zod. Each is bound to the user who uploaded it, used once, and expires after 30 minutes.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defaultTableLimits } from '../../io/tables/index.ts';
import { type ColumnMapping, columnMappingSchema } from '../../io/tables/published-mapping.ts';
import { createPendingUploadStore, type PendingUploadSettings } from '../../store/pending-uploads/index.ts';
import type { Database } from '../../store/schema.ts';

export interface PendingImport {
  userId: string;
  file: string;
  bytes: Uint8Array;
  /** SHA-256 (hex) of the bytes, shown on both pages so staff see the confirmed file is the previewed one. */
  sha256: string;
  planId?: string;
  sheet?: string;
  /** A published-shape table: the column mapping and the node for rows without a plan-tree column. */
  mapping?: ColumnMapping;
  node?: string;
}

export type NewPendingImport = Omit<PendingImport, 'sha256'>;

export interface PendingImports {
  /** Keeps an upload and answers the token its confirmation must carry; undefined when it is over the size cap. */
  add(upload: NewPendingImport): Promise<{ token: string; sha256: string } | undefined>;
  /** The upload for `token` if this user made it and it has not expired, removed so it is used once. */
  take(token: string, userId: string): Promise<PendingImport | undefined>;
}

const optionsSchema = z.object({
  planId: z.string().optional(),
  sheet: z.string().optional(),
  node: z.string().optional(),
  mapping: columnMappingSchema.optional(),
});

/** @example const pending = pendingImports(db); const { token } = await pending.add({ userId, file: 'a.csv', bytes }) */
export function pendingImports(db: Kysely<Database>, settings: PendingUploadSettings = {}): PendingImports {
  const uploads = createPendingUploadStore(db, { maxBytes: defaultTableLimits.maxFileBytes, ...settings });
  return {
    async add({ userId, file, bytes, ...options }) {
      const kept = await uploads.keep({
        userId,
        fileName: file,
        bytes,
        options: JSON.stringify(optionsSchema.parse(options)),
      });
      return kept.ok ? { token: kept.token, sha256: kept.sha256 } : undefined;
    },
    async take(token, userId) {
      if (token === '') return undefined;
      const upload = await uploads.take(token, userId);
      if (upload === undefined) return undefined;
      let stored: unknown;
      try {
        stored = JSON.parse(upload.options);
      } catch {
        return undefined;
      }
      // A row written by another version of the app that this one cannot read is as good as expired.
      const options = optionsSchema.safeParse(stored);
      if (!options.success) return undefined;
      const { planId, sheet, node, mapping } = options.data;
      return {
        userId: upload.userId,
        file: upload.fileName,
        bytes: upload.bytes,
        sha256: upload.sha256,
        ...(planId !== undefined && { planId }),
        ...(sheet !== undefined && { sheet }),
        ...(node !== undefined && { node }),
        ...(mapping !== undefined && { mapping }),
      };
    },
  };
}
