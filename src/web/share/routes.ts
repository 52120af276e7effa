/**
 * Share images and icons: `/share/site.png`, `/share/plans/{id}.png` (the plan's progress), `/favicon.svg`,
 * `/favicon.ico` and `/apple-touch-icon.png`. Icons never change, so they are cached for a year; share images follow
 * the data, so for an hour.
 */
import { Hono } from 'hono';
import { summarizePlan } from '../../domain/figures/index.ts';
import { recordId } from '../../domain/model.ts';
import { notFound } from '../http-error.ts';
import { langOf, planKindLabels } from '../i18n/index.ts';
import { loadEvidence } from '../pages/evidence.ts';
import { onlyQueries } from '../params.ts';
import type { WebEnv } from '../web-env.ts';
import { genericSvg, markSvg, progressSvg, svgToPng } from './share-image.ts';

const yearLong = 'public, max-age=31536000, immutable';
const anHour = 'public, max-age=3600';

const png = (bytes: Uint8Array, cacheControl: string) =>
  new Response(bytes, { headers: { 'content-type': 'image/png', 'cache-control': cacheControl } });

const iconSvg = (size: number) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">${markSvg(0, 0, 64)}</svg>`;

/**
 * An ICO file holding one PNG (allowed since Windows Vista and read by every browser).
 * @example icoOf(png32, 32) // Uint8Array starting 00 00 01 00 01 00
 */
export function icoOf(image: Uint8Array, size: number): Uint8Array {
  const header = Buffer.alloc(22);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size >= 256 ? 0 : size, 6);
  header.writeUInt8(size >= 256 ? 0 : size, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(image.byteLength, 14);
  header.writeUInt32LE(22, 18); // offset of the image
  return new Uint8Array(Buffer.concat([header, image]));
}

export const shareRoutes = new Hono<WebEnv>();

shareRoutes.get(
  '/favicon.svg',
  () =>
    new Response(iconSvg(64), { headers: { 'content-type': 'image/svg+xml', 'cache-control': yearLong } }),
);
shareRoutes.get(
  '/favicon.ico',
  () =>
    new Response(icoOf(svgToPng(iconSvg(32), 32), 32), {
      headers: { 'content-type': 'image/x-icon', 'cache-control': yearLong },
    }),
);
shareRoutes.get('/apple-touch-icon.png', () => png(svgToPng(iconSvg(180), 180), yearLong));

shareRoutes.get('/share/site.png', () => png(svgToPng(genericSvg()), anHour));

shareRoutes.get('/share/plans/:file', async (c) => {
  onlyQueries(c, ['lang']);
  const lang = langOf(c);
  const file = c.req.param('file');
  const id = file.endsWith('.png') ? file.slice(0, -'.png'.length) : '';
  if (!recordId.safeParse(id).success) throw notFound('画像', 'image', file);
  const plan = await c.var.store.getPlan(id);
  if (!plan) throw notFound('計画', 'plan', id);
  const evidence = await loadEvidence(c.var.store, plan.organization.id, [plan]);
  const { status } = summarizePlan(plan, evidence.later);
  const done = status.counts.filter((count) => count.countsAsDone);
  const doneWords = done
    .map((count) => (lang === 'en' ? count.labelEn : count.label))
    .join(lang === 'en' ? '/' : '・');
  const rate = status.rateIsHeadline ? status.implementationRate.text : undefined;
  const caption =
    lang === 'en'
      ? `${status.rated} of ${status.total} rated · ${doneWords} ${status.done}${rate ? ` · rate ${rate}` : ` · not rated ${status.unassessed}`}`
      : `評価済み ${status.rated} / ${status.total}件 · ${doneWords} ${status.done}件${rate ? ` · 実施率 ${rate}` : ` · 未評価 ${status.unassessed}件`}`;
  const organization =
    lang === 'en' ? (plan.organization.nameEn ?? plan.organization.name) : plan.organization.name;
  const svg = progressSvg({
    kicker: `${organization} · ${planKindLabels[lang][plan.kind]}`,
    title: lang === 'en' && plan.titleEn ? plan.titleEn : plan.title,
    caption,
    segments: status.counts.map((count) => ({
      label: lang === 'en' ? count.labelEn : count.label,
      count: count.count,
      color: count.color,
    })),
  });
  return png(svgToPng(svg), anHour);
});
