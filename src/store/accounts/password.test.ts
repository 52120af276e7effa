import { describe, expect, it } from 'vitest';
import { hashPassword, productionCost, useTestPasswordCost, verifyPassword } from './password.ts';

// Made once by hashPassword outside the test suite, at the production cost.
const productionHash = JSON.stringify({
  algorithm: 'scrypt',
  salt: 'b01WOWfj27ysYOS7Jznpig==',
  hash: 'HJdFXVgSKrKCJuJlH+/NwAfN+AuiaYJW3+3ighyjSGcS12dNnd/eqNiMEJrYoMJx0OZx5s7IPHQrNXJuUxPIOg==',
  N: 32768,
  r: 8,
  p: 1,
  keyLength: 64,
});

describe('password hashing', () => {
  it('keeps OWASP’s scrypt minimum as the production cost', () => {
    expect(productionCost).toEqual({ N: 2 ** 15, r: 8, p: 1, keyLength: 64 });
  });

  it('hashes with the cheap test cost inside the test suite, and still verifies', async () => {
    const stored = await hashPassword('komoro-password-1');
    expect(JSON.parse(stored)).toMatchObject({ algorithm: 'scrypt', N: 16, r: 8, p: 1 });
    expect(await verifyPassword('komoro-password-1', stored)).toBe(true);
    expect(await verifyPassword('komoro-password-2', stored)).toBe(false);
  });

  it('verifies a hash at the cost stored with it, whatever the current cost', async () => {
    expect(await verifyPassword('hashed-at-production-cost', productionHash)).toBe(true);
    expect(await verifyPassword('another password', productionHash)).toBe(false);
  });

  it('refuses the cheap cost outside Vitest', () => {
    const vitest = process.env.VITEST;
    delete process.env.VITEST;
    try {
      expect(() => useTestPasswordCost()).toThrow(/for the test suite only/);
    } finally {
      process.env.VITEST = vitest;
    }
  });
});
