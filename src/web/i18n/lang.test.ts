import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http-error.ts';
import { langOf, localHref } from './lang.ts';
import { en, ja } from './messages.ts';

describe('localHref', () => {
  it('adds lang=en for English and keeps the query and the fragment', () => {
    expect(localHref('/plans/x?status=done#L3', 'en')).toBe('/plans/x?status=done&lang=en#L3');
  });

  it('drops lang for Japanese, the default', () => {
    expect(localHref('/plans/x?lang=en&pillar=p', 'ja')).toBe('/plans/x?pillar=p');
    expect(localHref('/?lang=en', 'ja')).toBe('/');
  });
});

describe('langOf', () => {
  const app = new Hono();
  app.get('/', (c) => c.text(langOf(c)));
  app.onError((error, c) =>
    c.text(error instanceof HttpError ? `${error.status} ${error.parameter}` : 'x', 500),
  );

  it('is Japanese unless ?lang=en', async () => {
    expect(await (await app.request('/')).text()).toBe('ja');
    expect(await (await app.request('/?lang=ja')).text()).toBe('ja');
    expect(await (await app.request('/?lang=en')).text()).toBe('en');
  });

  it('refuses any other language, naming the parameter', async () => {
    expect(await (await app.request('/?lang=fr')).text()).toBe('400 lang');
  });
});

describe('the dictionary', () => {
  it('has every Japanese string in English too, and no empty one', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const [key, value] of Object.entries(en)) {
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
    }
  });
});
