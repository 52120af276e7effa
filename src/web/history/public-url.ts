/** Absolute addresses for feeds and share previews: from the configured public URL, else from the request. */
import type { Context } from 'hono';
import type { WebEnv } from '../web-env.ts';

/**
 * The site's origin (and path prefix) without a trailing slash.
 * @example siteBase(c) // "https://mieruka.example.jp"
 */
export function siteBase(c: Context<WebEnv>): string {
  const configured = c.var.publicUrl;
  if (configured) return configured.replace(/\/+$/, '');
  return new URL(c.req.url).origin;
}

/** @example absoluteUrl(c, '/plans/x') // "https://mieruka.example.jp/plans/x" */
export const absoluteUrl = (c: Context<WebEnv>, path: string): string => `${siteBase(c)}${path}`;
