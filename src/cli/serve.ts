/**
 * `mieruka serve`: migrates the database, seeds the demo into an empty one, and serves the site until
 * SIGINT or SIGTERM, then closes the server and the database before exiting.
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { z } from 'zod';
import { createAppForDatabase } from '../web/full-app.ts';
import { type CliIo, UsageError } from './command.ts';
import { openMigratedDatabase } from './database.ts';
import { seedDemoIfEmpty } from './seed-if-empty.ts';

const portSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(65535, 'ポート番号は 1〜65535 です (port must be 1–65535)');

export interface ServeOptions {
  port: number;
  demo: boolean;
}

/** Reads `[--port N] [--no-demo]`; the port defaults to PORT, then 8080. */
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
  const port = portSchema.safeParse(values.port ?? env.PORT ?? 8080);
  if (!port.success) {
    throw new UsageError(`ポート番号が正しくありません (invalid port): ${values.port ?? env.PORT}`);
  }
  return { port: port.data, demo: !values['no-demo'] };
}

const trustedProxiesSchema = z.coerce.number().int().min(0).max(32);

/**
 * MIERUKA_TRUSTED_PROXIES: how many reverse proxies append to X-Forwarded-For in front of the server (default 0,
 * the header is ignored). Throws UsageError when it is not a whole number.
 */
export function trustedProxiesFrom(env: NodeJS.ProcessEnv): number {
  const value = env.MIERUKA_TRUSTED_PROXIES?.trim() || '0';
  const parsed = trustedProxiesSchema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(
      `MIERUKA_TRUSTED_PROXIES は 0〜32 の整数です (MIERUKA_TRUSTED_PROXIES must be a whole number 0–32): ${value}`,
    );
  }
  return parsed.data;
}

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
  const trustedProxies = trustedProxiesFrom(io.env);
  const handle = await openMigratedDatabase(io);
  if (!handle) return 1;
  if (options.demo) await seedDemoIfEmpty(handle, io);
  const app = createAppForDatabase(handle.db, {
    staff: true,
    cache: true,
    trustProxy: io.env.MIERUKA_TRUST_PROXY === '1',
    trustedProxies,
  });
  const server = serve({ fetch: app.fetch, port: options.port }, (info) => {
    io.out(`Mieruka: http://localhost:${info.port}/ (${handle.dialect})`);
  });
  const signal = await waitForSignal();
  io.out(`${signal}: 停止します (shutting down)`);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections would otherwise hold close() open until they time out.
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
  await handle.close();
  return 0;
}

/** Runs `mieruka serve`; resolves with 0 once a signal has stopped the server. */
export async function runServe(args: string[], io: CliIo): Promise<number> {
  return serveUntilSignal(parseServeOptions(args, io.env), io);
}
