/**
 * The whole application over one database: the one place that wires the stores into `createApp`, so the
 * server, the PDF report, the static export and the tests run the same site. With a read replica (`readDb`,
 * DATABASE_READ_URL) public reads go to the replica and everything else to the writer (docs/multi-node.md).
 */
import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createAccountStore } from '../store/accounts/index.ts';
import { createEditingStore } from '../store/editing/index.ts';
import { organizationReadStore } from '../store/organization-read-store.ts';
import { createReadStore } from '../store/queries.ts';
import { databaseReadiness, type Readiness } from '../store/readiness.ts';
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
  /**
   * A read replica (DATABASE_READ_URL): public pages, API GETs, downloads, search and the data generation the
   * page cache keys on are read from it. Writes, sessions, and every read of a signed-in request stay on `db`,
   * so staff see what they have just saved whatever the replica's lag.
   */
  readDb?: Kysely<Database>;
  /**
   * Only this organization's public data, as if the database held no other (the static export per organization);
   * no change history, whose site-wide feeds would list every organization's.
   */
  organizationId?: string;
}

/** Ready when every database is: the writer first, then the replica. */
async function readinessOf(databases: readonly Kysely<Database>[]): Promise<Readiness> {
  const outcomes = await Promise.all(databases.map((db) => databaseReadiness(db)));
  return outcomes.find((outcome) => !outcome.ready) ?? { ready: true };
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
    readDb = db,
    organizationId,
  } = options;
  const editing = createEditingStore(db);
  const replicated = readDb !== db;
  const writerStore = createReadStore(db);
  const reader = replicated ? createReadStore(readDb) : writerStore;
  return createApp({
    store: organizationId === undefined ? reader : organizationReadStore(reader, organizationId),
    search: createSearchStore(readDb),
    // The public history of published changes is served even where no one signs in.
    history: organizationId !== undefined ? undefined : replicated ? createEditingStore(readDb) : editing,
    readiness: () => readinessOf(replicated ? [db, readDb] : [db]),
    ...(requestLogger !== undefined && { requestLogger }),
    ...(publicUrl !== undefined && { publicUrl }),
    ...(datasetDir !== undefined && { datasetDir }),
    // From the replica the pages are read from: a generation newer than the replica's data would key a stale
    // page as fresh until the next write.
    ...(cache && { generation: watchDataGeneration(readDb) }),
    ...(staff && {
      staff: {
        store: writerStore,
        editing,
        accounts: createAccountStore(db),
        tables: tableImportService(db),
        trustProxy,
        trustedProxies,
      },
    }),
  });
}
