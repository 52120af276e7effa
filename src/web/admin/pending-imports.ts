/**
 * Uploads waiting between an import's preview and its confirmation. In memory, not in the database: the server is
 * one process, a pending upload lives a few minutes, and one lost to a restart is simply uploaded again. Each is
 * bound to the user who uploaded it, used once, and expires.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ColumnMapping } from '../../io/tables/published-mapping.ts';

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
  expiresAt: number;
}

export interface PendingImportsOptions {
  /** How long an upload waits for its confirmation. */
  ttlMs?: number;
  /** Uploads kept per user; a newer one pushes the oldest out. */
  perUser?: number;
  now?: () => number;
}

export class PendingImports {
  private readonly pending = new Map<string, PendingImport>();
  private readonly ttlMs: number;
  private readonly perUser: number;
  private readonly now: () => number;

  constructor(options: PendingImportsOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.perUser = options.perUser ?? 3;
    this.now = options.now ?? Date.now;
  }

  /** Keeps an upload and answers the token its confirmation must carry. */
  add(upload: Omit<PendingImport, 'sha256' | 'expiresAt'>): { token: string; sha256: string } {
    this.dropExpired();
    const mine = [...this.pending].filter(([, p]) => p.userId === upload.userId);
    for (const [token] of mine.slice(0, Math.max(0, mine.length - this.perUser + 1)))
      this.pending.delete(token);
    const token = randomBytes(24).toString('base64url');
    const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
    this.pending.set(token, { ...upload, sha256, expiresAt: this.now() + this.ttlMs });
    return { token, sha256 };
  }

  /** The upload for `token` if this user made it and it has not expired, removed so it is used once. */
  take(token: string, userId: string): PendingImport | undefined {
    this.dropExpired();
    const upload = this.pending.get(token);
    if (upload === undefined || upload.userId !== userId) return undefined;
    this.pending.delete(token);
    return upload;
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, upload] of this.pending) if (upload.expiresAt <= now) this.pending.delete(token);
  }
}
