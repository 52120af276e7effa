import { describe, expect, it } from 'vitest';
import { clientAddressFrom } from './client-address.ts';

describe('clientAddressFrom', () => {
  const peer = '10.0.0.2';
  it.each([
    // [X-Forwarded-For, trusted proxies, client address]
    [undefined, 0, peer],
    ['6.6.6.6', 0, peer],
    [undefined, 1, peer],
    ['203.0.113.9', 1, '203.0.113.9'],
    ['6.6.6.6, 203.0.113.9', 1, '203.0.113.9'],
    ['6.6.6.6,7.7.7.7 ,  203.0.113.9', 1, '203.0.113.9'],
    ['6.6.6.6, 203.0.113.9, 10.0.0.1', 2, '203.0.113.9'],
    ['203.0.113.9, 10.0.0.1', 2, '203.0.113.9'],
    ['203.0.113.9', 2, '203.0.113.9'],
    ['203.0.113.9', 5, '203.0.113.9'],
    ['', 1, peer],
    [' , ,', 1, peer],
    ['6.6.6.6, , 203.0.113.9', 1, '203.0.113.9'],
    ['2001:db8::1', 1, '2001:db8::1'],
    ['6.6.6.6, 2001:db8::1', 1, '2001:db8::1'],
  ])('X-Forwarded-For %j behind %i proxies is %j', (forwardedFor, trustedProxies, client) => {
    expect(clientAddressFrom(forwardedFor, peer, trustedProxies)).toBe(client);
  });

  it('never takes an entry the client wrote to the left of what the proxies appended', () => {
    for (let spoofed = 0; spoofed < 20; spoofed += 1) {
      const forwardedFor = [...Array.from({ length: spoofed }, (_, i) => `6.6.6.${i}`), '203.0.113.9'].join(
        ', ',
      );
      expect(clientAddressFrom(forwardedFor, peer, 1)).toBe('203.0.113.9');
    }
  });
});
