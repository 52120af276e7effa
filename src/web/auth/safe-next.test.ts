import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

/** Where a browser at our origin goes when it follows `location`, after dropping tabs and newlines as it does. */
function followedOrigin(location: string): string {
  const base = 'https://mieruka.example';
  return new URL(location.replace(/[\t\n\r]/g, ''), base).origin;
}

describe('safeNext', () => {
  it.each([
    ['/admin/plans/x', '/admin/plans/x'],
    ['/admin/users?page=2#top', '/admin/users?page=2#top'],
    ['/', '/'],
    ['/admin/計画', '/admin/%E8%A8%88%E7%94%BB'],
  ])('keeps our own path %j', (next, location) => {
    expect(safeNext(next)).toBe(location);
  });

  it.each([
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'admin',
    '',
    '/\t/evil.example',
    '/\n/x',
    '/%2F/evil.example',
    '/%5Cevil.example',
    '/%09/evil.example',
    '/ /evil.example',
    '/\u3000/evil.example',
    '/\u200b/evil.example',
    '/%E0%A4%A',
    '/\ud800',
  ])('sends %j to /admin', (next) => {
    expect(safeNext(next)).toBe('/admin');
  });

  it('sends anything but a string to /admin', () => {
    expect(safeNext(undefined)).toBe('/admin');
    expect(safeNext(['/admin/users'])).toBe('/admin');
  });

  it('never gives a Location that leaves the site or that a header cannot carry', () => {
    const pathLike = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.constantFrom(
          '/',
          '\\',
          '%',
          '2',
          'F',
          '5',
          'C',
          '0',
          '9',
          'A',
          '\t',
          '\n',
          ' ',
          ':',
          '.',
          'e',
          'h',
        ),
      }),
      fc.webUrl(),
    );
    fc.assert(
      fc.property(pathLike, (next) => {
        const location = safeNext(next);
        expect(location).toMatch(/^\/[\x21-\x7e]*$/);
        expect(location.startsWith('//')).toBe(false);
        expect(followedOrigin(location)).toBe('https://mieruka.example');
        expect(followedOrigin(decodeURIComponent(location))).toBe('https://mieruka.example');
        expect(() => new Headers({ location })).not.toThrow();
      }),
      { numRuns: 2_000 },
    );
  });
});
