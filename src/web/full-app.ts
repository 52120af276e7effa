/**
 * The whole application over one database: the one place that wires the stores into `createApp`, so the
 * server, the PDF report, the static export and the tests run the same site.
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createAccountStore } from '../store/accounts/index.ts';
import { createEditingStore } from '../store/editing/index.ts';
import { createReadStore } from '../store/queries.ts';
import { databaseReadiness } from '../store/readiness.ts';
import type { Database } from '../store/schema.ts';
import { createSearchStore, watchDataGeneration } from '../store/search/index.ts';
import { tableImportService } from './admin/table-import-service.ts';
import { createApp } from './app.tsx';
import type { RequestLogger } from './request-log/index.ts';

export interface FullAppOptions {
  /** Login, /admin and the write API. Off for read-only uses such as the static export. */
  staff?: boolean;
  /** Cache rendered public pages against the data generation. */
  cache?: boolean;
  /** Trust X-Forwarded-Proto from a reverse proxy when deciding whether cookies are Secure. */
  trustProxy?: boolean;
  /** Reverse proxies in front of the server: the client's address is the first untrusted X-Forwarded-For hop. */
  trustedProxies?: number;
  datasetDir?: string;
  /** The site's public address (MIERUKA_PUBLIC_URL) for feeds and share previews; absent: the request's. */
  publicUrl?: string | undefined;
  /** One log line per request (`mieruka serve`); absent: nothing is logged. */
  requestLogger?: RequestLogger;
}

export function createAppForDatabase(db: Kysely<Database>, options: FullAppOptions = {}): Hono {
  const {
    staff = false,
    cache = false,
    trustProxy = false,
    trustedProxies = 0,
    datasetDir,
    requestLogger,
    publicUrl,
  } = options;
  const editing = createEditingStore(db);
  return createApp({
    store: createReadStore(db),
    search: createSearchStore(db),
    // The public history of published changes is served even where no one signs in.
    history: editing,
    readiness: () => databaseReadiness(db),
    ...(requestLogger !== undefined && { requestLogger }),
    ...(publicUrl !== undefined && { publicUrl }),
    ...(datasetDir !== undefined && { datasetDir }),
    ...(cache && { generation: watchDataGeneration(db) }),
    ...(staff && {
      staff: {
        editing,
        accounts: createAccountStore(db),
        tables: tableImportService(db),
        trustProxy,
        trustedProxies,
      },
    }),
  });
}
