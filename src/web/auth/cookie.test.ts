import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { isSecureRequest } from './cookie.ts';
import { csrfTokenFor } from './csrf.ts';

async function secureOf(url: string, trustProxy: boolean, headers: Record<string, string> = {}) {
  const app = new Hono();
  app.get('*', (c) => c.text(String(isSecureRequest(c, trustProxy))));
  const res = await app.request(url, { headers });
  return res.text();
}

describe('isSecureRequest', () => {
  it('is true over https and false over plain http', async () => {
    expect(await secureOf('https://example.jp/login', false)).toBe('true');
    expect(await secureOf('http://example.jp/login', false)).toBe('false');
  });

  it('believes X-Forwarded-Proto only with the trust-proxy setting', async () => {
    const headers = { 'x-forwarded-proto': 'https' };
    expect(await secureOf('http://example.jp/login', true, headers)).toBe('true');
    expect(await secureOf('http://example.jp/login', false, headers)).toBe('false');
  });
});

describe('csrfTokenFor', () => {
  it('differs per secret and is stable for one', () => {
    expect(csrfTokenFor('a')).toBe(csrfTokenFor('a'));
    expect(csrfTokenFor('a')).not.toBe(csrfTokenFor('b'));
    expect(csrfTokenFor('a')).not.toContain('a'.repeat(2));
  });
});
