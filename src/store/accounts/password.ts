/**
 * Password hashing with scrypt: a random salt per password and the cost parameters stored beside the hash,
 * so they can be raised later without invalidating existing passwords.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const storedSchema = z.object({
  algorithm: z.literal('scrypt'),
  salt: z.string(),
  hash: z.string(),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  keyLength: z.number().int(),
});

export interface Cost {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** OWASP's scrypt minimum (N=2^17 needs more memory than Node's default maxmem); about 50 ms a hash. */
export const productionCost: Readonly<Cost> = Object.freeze({ N: 2 ** 15, r: 8, p: 1, keyLength: 64 });

// A few microseconds a hash: staff tests add and sign in users by the hundred.
const testCost: Readonly<Cost> = Object.freeze({ N: 2 ** 4, r: 8, p: 1, keyLength: 64 });

let cost = productionCost;

/**
 * For the test suite only (test/setup/cheap-passwords.ts): new hashes use a trivial cost from now on. Refuses
 * outside Vitest, so no setting or stray call can weaken a real installation; stored hashes keep their own cost.
 */
export function useTestPasswordCost(): void {
  if (process.env.VITEST === undefined) {
    throw new Error('テスト専用の設定です (the cheap password cost is for the test suite only)');
  }
  cost = testCost;
}

function derive(password: string, salt: Buffer, { N, r, p, keyLength }: Cost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses above maxmem (32 MiB by default).
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** The text stored for a password, e.g. `await hashPassword('correct horse')` → '{"algorithm":"scrypt",…}'. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, cost);
  return JSON.stringify({
    algorithm: 'scrypt',
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    ...cost,
  });
}

/** Whether the password matches the stored text, compared in constant time; false for a malformed record. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  let parsed: z.infer<typeof storedSchema>;
  try {
    parsed = storedSchema.parse(JSON.parse(stored));
  } catch {
    return false;
  }
  const expected = Buffer.from(parsed.hash, 'base64');
  const actual = await derive(password, Buffer.from(parsed.salt, 'base64'), parsed);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Unknown logins still pay for one hash, so response time does not reveal which logins exist.
let dummy: Promise<string> | undefined;

/** Spends the time of a verification without a user, e.g. for an unknown login. */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('not a password');
  await verifyPassword(password, await dummy);
  return false;
}
