/** The Hono application: public pages, the JSON API and (later) the admin area, over one ReadStore. */
import { Hono } from 'hono';
import { contextStorage } from 'hono/context-storage';
import { demoDatasetDir } from '../io/dataset.ts';
import type { ReadStore } from '../store/read-store.ts';
import type { DataGeneration, SearchStore } from '../store/search/index.ts';
import api from './api/index.ts';
import widths from './assets/widths.ts';
import assets from './assets.ts';
import { type StaffOptions, staffApp } from './auth/staff-app.tsx';
import { answeringHitsFirst, createPageCache } from './cache/index.ts';
import { compareApi, comparePage } from './compare/index.ts';
import { downloadRoutes } from './downloads/routes.ts';
import { onError, onNotFound } from './error-handler.tsx';
import { changesPage, organizationFeed, planFeed, siteFeed } from './history/changes-routes.tsx';
import type { HistoryReader } from './history/history-reader.ts';
import historyPages from './history/index.tsx';
import accessibility from './pages/accessibility.tsx';
import document from './pages/document.tsx';
import home from './pages/home.tsx';
import node from './pages/node.tsx';
import organizationPages from './pages/organization.tsx';
import plan from './pages/plan.tsx';
import terms from './pages/terms.tsx';
import { probes, type ReadinessCheck } from './probes/index.ts';
import { publicCors } from './public-cors/index.ts';
import report from './report/index.tsx';
import { type RequestLogger, requestLog } from './request-log/index.ts';
import { searchApi, searchPage } from './search/index.ts';
import { securityHeaders } from './security.ts';
import { shareRoutes } from './share/routes.ts';
import type { WebEnv } from './web-env.ts';

export interface AppOptions {
  store: ReadStore;
  /** Folder that source documents' `file` paths are relative to; the Komoro demo by default. */
  datasetDir?: string;
  /** Full-text search (`createSearchStore(db)`); without it /search answers 503. */
  search?: SearchStore;
  /** The data generation (`watchDataGeneration(db)`) pages are cached against; without it nothing is cached. */
  generation?: DataGeneration;
  /** Login, /admin and the write API (`createEditingStore(db)`, `createAccountStore(db)`); absent: public only. */
  staff?: StaffOptions;
  /**
   * The public /history pages (`createEditingStore(db)`): read-only, so they need no staff side.
   * Defaults to the staff side's editing store; absent both, there is no /history and pages link to none.
   */
  history?: HistoryReader;
  /**
   * The site's public address (`MIERUKA_PUBLIC_URL`, e.g. "https://mieruka.example.jp") for the absolute links
   * of feeds and share previews; absent: the request's own origin.
   */
  publicUrl?: string;
  /** Whether the database can serve (`databaseReadiness(db)`), answered at /readyz; absent: no /readyz. */
  readiness?: ReadinessCheck;
  /** Where one line per request goes (`mieruka serve`'s pino logger); absent: nothing is logged. */
  requestLogger?: RequestLogger;
}

export function createApp({
  store,
  datasetDir = demoDatasetDir,
  search,
  generation,
  staff,
  history = staff?.editing,
  readiness,
  requestLogger,
  publicUrl,
}: AppOptions): Hono {
  const site = new Hono<WebEnv>();
  site.use(async (c, next) => {
    c.set('store', store);
    c.set('datasetDir', datasetDir);
    c.set('history', history);
    c.set('publicUrl', publicUrl);
    await next();
  });
  if (staff) site.route('/', staffApp(staff));
  if (history) {
    site.route('/history', historyPages);
    site.route('/changes', changesPage);
    site.route('/feed.atom', siteFeed);
    site.route('/plans', planFeed);
    site.route('/organizations', organizationFeed);
  }
  site.route('/', shareRoutes);
  site.route('/assets/widths.css', widths);
  site.route('/assets', assets);
  site.route('/api/v1/search', searchApi(search));
  site.route('/api/v1/compare', compareApi);
  site.route('/api/v1', api);
  site.route('/search', searchPage(search));
  site.route('/compare', comparePage);
  site.route('/', home);
  site.route('/plans', plan);
  site.route('/nodes', node);
  site.route('/documents', document);
  site.route('/plans', report);
  site.route('/organizations', terms);
  site.route('/downloads', downloadRoutes(store));
  site.route('/accessibility', accessibility);
  site.route('/o', organizationPages);

  const app = new Hono();
  // Lets the page frame read the request (its address, the configured public URL) for share previews.
  app.use(contextStorage());
  // Outermost, so that cache hits are logged too and no request id is stored with a cached page.
  app.use(requestLog(requestLogger));
  // Then the cache, so a hit skips everything else; the headers below are stored with the page.
  const cache = generation && createPageCache({ generation });
  if (cache) app.use(cache.middleware);
  // Outside the security headers, whose Cross-Origin-Resource-Policy they replace on public reads.
  app.use('/api/v1/*', publicCors());
  app.use('/downloads/*', publicCors());
  app.use(securityHeaders());
  // Before the site, so no session lookup (a database query) runs for a probe.
  app.route('/', probes(readiness));
  app.route('/', site);
  app.notFound(onNotFound);
  app.onError(onError);
  // A hit known to be current skips even the middleware above: it carries their headers already.
  return cache ? answeringHitsFirst(app, cache, requestLogger) : app;
}
