/** Random bearer secrets (session cookies, API tokens): only their SHA-256 is ever stored. */
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes as base64url, e.g. `newSecretToken() // 'q3N…'` (43 characters). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token, e.g. `tokenHash('abc') // 'ba7816bf…'`. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
