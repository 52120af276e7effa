/**
 * Stylesheets. Everything is served from our own origin because the CSP allows styles only from 'self';
 * status colours come from each plan's vocabulary, so they get a generated stylesheet instead of inline styles.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import type { StatusDefinition } from '../domain/model.ts';
import { defaultStatusVocabulary, statusVocabularyOf, unassessedStatus } from '../domain/status.ts';
import { notFound } from './http-error.ts';
import { idParam } from './params.ts';
import type { WebEnv } from './web-env.ts';

const require = createRequire(import.meta.url);
const tokensCss = readFileSync(require.resolve('@digital-go-jp/design-tokens/dist/tokens.css'), 'utf8');
const siteCss = readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8');

// Colours come from data; anything but a plain hex or named colour could break out of the rule.
const safeColor = /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+)$/;

/** CSS rules giving each status badge its colour, e.g. `.status-done{background:#197a4b}`. */
export function statusCss(vocabulary: readonly StatusDefinition[]): string {
  return [...vocabulary, unassessedStatus]
    .filter((s) => safeColor.test(s.color))
    .map((s) => `.status-${s.code}{background:${s.color};color:#fff}`)
    .join('\n');
}

const css = (body: string) =>
  new Response(body, {
    headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });

const assets = new Hono<WebEnv>();

assets.get('/tokens.css', () => css(tokensCss));
assets.get('/site.css', () => css(siteCss));
assets.get('/status.css', () => css(statusCss(defaultStatusVocabulary)));
assets.get('/plans/:id/status.css', async (c) => {
  const id = idParam(c);
  const plan = await c.var.store.getPlan(id);
  if (!plan) throw notFound('計画', 'plan', id);
  return css(statusCss(statusVocabularyOf(plan)));
});

export default assets;
