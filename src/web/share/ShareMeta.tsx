/**
 * What a link to a page shows where it is shared: a description, OGP and Twitter card tags with an image, the
 * canonical address (a stable permalink: the page's path in its language, no filters), the favicon and the feed.
 */
import type { Context } from 'hono';
import { tryGetContext } from 'hono/context-storage';
import { type Lang, localHref, messagesOf } from '../i18n/index.ts';
import type { WebEnv } from '../web-env.ts';

export interface ShareProps {
  title: string;
  lang: Lang;
  /** The page's path and query; the canonical address keeps only its path and language. */
  path: string;
  /** One sentence about the page; the site's own when absent. */
  description?: string | undefined;
  /** The page's share image (a path of ours); the site's generic image when absent. */
  image?: string | undefined;
  /** The Atom feed of the page's changes; the site-wide one when absent. */
  feed?: string | undefined;
}

export const genericShareImage = '/share/site.png';

/** The public base: the configured address, else the request's origin; none outside a request. */
function baseOf(c: Context<WebEnv> | undefined): string | undefined {
  if (!c) return undefined;
  const configured = c.var.publicUrl;
  return configured ? configured.replace(/\/+$/, '') : new URL(c.req.url).origin;
}

/** A description short enough for a preview card. */
const clip = (text: string, length = 160) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/**
 * Whether this app serves the history (/changes and the feeds): a static copy and an app built without it link to
 * neither, so no link leads nowhere.
 */
export const servesHistory = (): boolean => tryGetContext<WebEnv>()?.var.history !== undefined;

export function ShareMeta({ title, lang, path, description, image, feed }: ShareProps) {
  const t = messagesOf(lang);
  const base = baseOf(tryGetContext<WebEnv>()) ?? '';
  const canonical = `${base}${localHref(new URL(path, 'http://local').pathname, lang)}`;
  const text = clip((description ?? t.homeLead).replace(/\s+/g, ' ').trim());
  const imageUrl = `${base}${image ?? genericShareImage}`;
  return (
    <>
      <meta name="description" content={text} />
      <link rel="canonical" href={canonical} />
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="icon" href="/favicon.ico" sizes="32x32" />
      <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
      {servesHistory() ? (
        <link rel="alternate" type="application/atom+xml" href={feed ?? '/feed.atom'} title={t.siteName} />
      ) : null}
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={t.siteName} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={text} />
      <meta property="og:url" content={canonical} />
      <meta property="og:image" content={imageUrl} />
      <meta property="og:image:width" content="1200" />
      <meta property="og:image:height" content="630" />
      <meta property="og:image:alt" content={title} />
      <meta property="og:locale" content={lang === 'en' ? 'en_US' : 'ja_JP'} />
      <meta name="twitter:card" content="summary_large_image" />
      <meta name="twitter:title" content={title} />
      <meta name="twitter:description" content={text} />
      <meta name="twitter:image" content={imageUrl} />
    </>
  );
}
