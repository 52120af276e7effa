import { describe, expect, it } from 'vitest';
import { metaPolicy, withCspMeta } from './csp-meta.ts';

describe('metaPolicy', () => {
  it('keeps the header’s directives except those a meta element cannot carry', () => {
    const header =
      "default-src 'self'; script-src 'self'; frame-ancestors 'none'; object-src 'none'; report-uri /csp; sandbox";
    expect(metaPolicy(header)).toBe("default-src 'self'; script-src 'self'; object-src 'none'");
  });

  it('falls back to a strict policy when the page came without one', () => {
    expect(metaPolicy(undefined)).toContain("default-src 'self'");
    expect(metaPolicy('')).toContain("object-src 'none'");
  });
});

describe('withCspMeta', () => {
  it('puts the policy right after the charset, before any stylesheet, escaped', () => {
    const html = '<html><head><meta charset="utf-8"/><link rel="stylesheet" href="a.css"/></head></html>';
    expect(withCspMeta(html, "default-src 'self'")).toBe(
      '<html><head><meta charset="utf-8"/><meta http-equiv="Content-Security-Policy" content="default-src \'self\'"/><link rel="stylesheet" href="a.css"/></head></html>',
    );
    expect(withCspMeta('<head lang="ja"><title>x</title>', 'a "b"')).toBe(
      '<head lang="ja"><meta http-equiv="Content-Security-Policy" content="a &quot;b&quot;"/><title>x</title>',
    );
  });
});
