import { describe, expect, it } from 'vitest';
import { fileOfPage, pageKey, pageOfKey, pageOfLink, relativeLink, safeFile } from './site-paths.ts';

describe('fileOfPage', () => {
  it('writes pages as index.html, English ones as index.en.html, even when the id has a dot', () => {
    expect(fileOfPage({ path: '/', lang: 'ja' }, true)).toBe('index.html');
    expect(fileOfPage({ path: '/', lang: 'en' }, true)).toBe('index.en.html');
    expect(fileOfPage({ path: '/nodes/mirai-2024.p01', lang: 'ja' }, true)).toBe(
      'nodes/mirai-2024.p01/index.html',
    );
  });

  it('writes a later page of a paged list beside the first, in either language', () => {
    expect(fileOfPage({ path: '/nodes/a', lang: 'ja', page: 2 }, true)).toBe('nodes/a/index.p2.html');
    expect(fileOfPage({ path: '/nodes/a', lang: 'en', page: 2 }, true)).toBe('nodes/a/index.p2.en.html');
  });

  it('keeps the path of assets and downloads', () => {
    expect(fileOfPage({ path: '/assets/site.css', lang: 'ja' }, false)).toBe('assets/site.css');
  });
});

describe('pageOfKey', () => {
  it('reads back the page a key was made of, so a crawl may keep the key alone', () => {
    const pages = [
      { path: '/', lang: 'ja' },
      { path: '/nodes/a.b', lang: 'en' },
      { path: '/nodes/a', lang: 'ja', page: 3 },
      { path: '/nodes/a', lang: 'en', page: 2 },
      { path: '/plans/%E5%B0%8F%E8%AB%B8', lang: 'ja' },
    ] as const;
    for (const page of pages) expect(pageOfKey(pageKey(page))).toEqual(page);
  });
});

describe('pageOfLink', () => {
  it('reads the language and fragment and drops other query parameters', () => {
    expect(pageOfLink('/plans/x?status=done&lang=en#n1', '/')).toEqual({
      page: { path: '/plans/x', lang: 'en' },
      hash: '#n1',
    });
    expect(pageKey({ path: '/plans/x', lang: 'en' })).toBe('/plans/x?lang=en');
  });

  it('keeps a later page number, and drops page=1', () => {
    expect(pageOfLink('/nodes/a?page=3&lang=en', '/')?.page).toEqual({
      path: '/nodes/a',
      lang: 'en',
      page: 3,
    });
    expect(pageKey({ path: '/nodes/a', lang: 'en', page: 3 })).toBe('/nodes/a?page=3&lang=en');
    expect(pageOfLink('/nodes/a?page=1', '/')?.page).toEqual({ path: '/nodes/a', lang: 'ja' });
  });

  it('resolves relative links against the linking page', () => {
    expect(pageOfLink('../b', '/nodes/a/')?.page.path).toBe('/nodes/b');
  });

  it.each(['https://example.org/', 'mailto:a@b', '#main', '//cdn.example.org/x.js', ''])(
    'ignores %s',
    (href) => {
      expect(pageOfLink(href, '/')).toBeUndefined();
    },
  );
});

describe('relativeLink', () => {
  it('climbs out of the linking page folder', () => {
    expect(relativeLink('nodes/y/index.html', 'plans/x/index.html', '#L3')).toBe(
      '../../plans/x/index.html#L3',
    );
    expect(relativeLink('index.html', 'assets/site.css')).toBe('assets/site.css');
    expect(relativeLink('plans/x/index.html', 'plans/x/index.en.html')).toBe('index.en.html');
  });

  it('percent-encodes what a file name may hold but a URL may not', () => {
    expect(relativeLink('index.html', 'documents/a b/index.html')).toBe('documents/a%20b/index.html');
  });
});

describe('safeFile', () => {
  it('refuses paths that climb out of the folder', () => {
    expect(safeFile('plans/x/index.html')).toBe(true);
    expect(safeFile('../etc/passwd')).toBe(false);
  });
});
