/**
 * `mieruka serve`: migrates the database, seeds the demo into an empty one, and serves the site on HOST:PORT until
 * SIGINT or SIGTERM, then closes the server and the database before exiting. One JSON line per request goes to
 * stdout (LOG_LEVEL). With DATABASE_READ_URL, public reads go to that replica (docs/multi-node.md).
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAppForDatabase } from '../web/full-app.ts';
import { jsonLinesLogger } from '../web/request-log/index.ts';
import { serveApp } from '../web/serve-app.ts';
import { type CliIo, UsageError } from './command.ts';
import { readSettings } from './config/index.ts';
import { openConfiguredReplica, openMigratedDatabase } from './database.ts';
import { seedDemoIfEmpty } from './seed-if-empty.ts';

// 0 asks the system for any free port; the line printed once listening says which.
const portSchema = z.coerce.number().int().min(0).max(65535);

export interface ServeOptions {
  port: number;
  demo: boolean;
}

/** Reads `[--port N] [--no-demo]`; the port defaults to the PORT setting (8080). */
export function parseServeOptions(args: string[], env: NodeJS.ProcessEnv): ServeOptions {
  let values: { port?: string | undefined; 'no-demo'?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args,
      options: { port: { type: 'string' }, 'no-demo': { type: 'boolean' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`引数が正しくありません (invalid arguments): ${(error as Error).message}`);
  }
  if (values.port === undefined) return { port: readSettings(env).port, demo: !values['no-demo'] };
  const port = portSchema.safeParse(values.port);
  if (!port.success) {
    throw new UsageError(
      `ポート番号は 0〜65535 の整数です (port must be an integer 0–65535): ${values.port}`,
    );
  }
  return { port: port.data, demo: !values['no-demo'] };
}

/** `http://127.0.0.1:8080/`; an IPv6 address in brackets. */
const listeningUrl = (host: string, port: number) =>
  `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;

function waitForSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function serveUntilSignal(options: ServeOptions, io: CliIo): Promise<number> {
  const settings = readSettings(io.env);
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  if (options.demo) await seedDemoIfEmpty(handle, io);
  const replica = openConfiguredReplica(io);
  const app = createAppForDatabase(handle.db, {
    ...(replica !== undefined && { readDb: replica.db }),
    staff: true,
    cache: true,
    trustProxy: settings.trustProxy,
    requestLogger: jsonLinesLogger(settings.logLevel),
    trustedProxies: settings.trustedProxies,
    publicUrl: settings.publicUrl,
  });
  const server = serveApp(app, { hostname: settings.host, port: options.port }, (info) => {
    const reads = replica === undefined ? '' : ', reads from a replica';
    io.out(`Mieruka: ${listeningUrl(settings.host, info.port)} (${handle.dialect}${reads})`);
  });
  const signal = await waitForSignal();
  io.out(`${signal}: 停止します (shutting down)`);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections would otherwise hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
  await replica?.close();
  await handle.close();
  return 0;
}

/** Runs `mieruka serve`; resolves with 0 once a signal has stopped the server. */
export async function runServe(args: string[], io: CliIo): Promise<number> {
  return serveUntilSignal(parseServeOptions(args, io.env), io);
}
