import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isWebUrl, webUrl } from './web-url.ts';

const refused = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.com/',
  'blob:https://example.com/x',
  'not a url',
];

describe('webUrl', () => {
  it('accepts http and https links', () => {
    for (const url of [
      'https://www.city.komoro.lg.jp/',
      'http://example.com/a?b=1#c',
      'HTTPS://EXAMPLE.COM/',
    ]) {
      expect(webUrl.safeParse(url).success, url).toBe(true);
    }
  });

  it('refuses every other scheme with a Japanese and English message', () => {
    for (const url of refused) {
      const parsed = webUrl.safeParse(url);
      expect(parsed.success, url).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(
        /^「url」の URL は http: か https: .*\(url: only http: and https: URLs/,
      );
    }
  });

  it('names the field the URL is in', () => {
    const parsed = z
      .object({ source: z.object({ url: webUrl }) })
      .safeParse({ source: { url: 'javascript:x' } });
    expect(parsed.error?.issues[0]?.message).toMatch(/^「source\.url」の URL .*\(source\.url: only http/);
  });
});

describe('isWebUrl', () => {
  it('lets only http and https become links, whatever is stored', () => {
    expect(isWebUrl('https://www.city.komoro.lg.jp/')).toBe(true);
    expect(isWebUrl(' javascript:alert(1)')).toBe(false);
    for (const url of refused) expect(isWebUrl(url), url).toBe(false);
  });
});
