/**
 * Stylesheets. Everything is served from our own origin because the CSP allows styles only from 'self';
 * status colours come from each plan's vocabulary, so they get a generated stylesheet instead of inline styles.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { readableTextOn } from '../domain/contrast.ts';
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

const stripes = (angle: number) =>
  `repeating-linear-gradient(${angle}deg,transparent 0 3px,rgb(255 255 255/55%) 3px 5px)`;

/**
 * The patterns of bar segments and their key in the list, by the status's place in its vocabulary, so colour is
 * never the only sign of a status: solid, stripes at four angles, dots, a grid. 未評価 has a cross-hatch of its own.
 */
const patterns: readonly { image: string; size?: string }[] = [
  { image: 'none' },
  { image: stripes(45) },
  { image: 'radial-gradient(rgb(255 255 255/70%) 1.5px,transparent 2px)', size: '6px 6px' },
  { image: stripes(90) },
  { image: stripes(0) },
  { image: stripes(-45) },
  { image: `${stripes(0)},${stripes(90)}` },
];
const unassessedPattern = { image: `${stripes(45)},${stripes(-45)}` };

function patternRule(code: string, pattern: { image: string; size?: string }): string {
  const size = pattern.size ? `;background-size:${pattern.size}` : '';
  return `.status-segment.status-${code},.status-swatch.status-${code}{background-image:${pattern.image}${size}}`;
}

/**
 * CSS rules giving each status its colour, its text colour (white or black, whichever reads on it) and its
 * pattern in the bar, e.g. `.status-done{background:#08351f;color:#ffffff}`.
 */
export function statusCss(vocabulary: readonly StatusDefinition[]): string {
  const shown = vocabulary.filter((s) => safeColor.test(s.color));
  const colour = (s: StatusDefinition) =>
    `.status-${s.code}{background:${s.color};color:${readableTextOn(s.color)}}`;
  return [
    ...[...shown, unassessedStatus].map(colour),
    ...shown.map((s, k) => patternRule(s.code, patterns[k % patterns.length] ?? { image: 'none' })),
    patternRule(unassessedStatus.code, unassessedPattern),
  ].join('\n');
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
