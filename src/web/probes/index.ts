/**
 * Health probes for a container runtime, a load balancer or monitoring: `/healthz` answers while the process does
 * (it touches no database), `/readyz` while the database answers with every migration applied. Never cached, no
 * sign-in; the answers say what is wrong without any detail of the database.
 *
 * @example app.route('/', probes(() => databaseReadiness(db)))
 */
import { Hono } from 'hono';
import type { Readiness } from '../../store/readiness.ts';

export type ReadinessCheck = () => Promise<Readiness>;

export interface ProbesOptions {
  /** How long /readyz waits for the database before answering 503; 3 s by default. */
  timeoutMs?: number;
}

const messages = {
  database: 'データベースが応答しません (the database does not answer)',
  migrations: '未適用のマイグレーションがあります (migrations are pending)',
};

const noStore = { 'Cache-Control': 'no-store' };

function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, reason: 'database' }), timeoutMs);
  });
  return Promise.race([check(), timeout]).finally(() => clearTimeout(timer));
}

/** The probes' sub-app; without a readiness check (a store with no database behind it) only /healthz. */
export function probes(readiness?: ReadinessCheck, { timeoutMs = 3_000 }: ProbesOptions = {}): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, noStore));
  if (!readiness) return app;
  app.get('/readyz', async (c) => {
    const outcome = await withTimeout(readiness, timeoutMs);
    if (outcome.ready) return c.json({ status: 'ready' }, 200, noStore);
    return c.json(
      { status: 'unavailable', reason: outcome.reason, message: messages[outcome.reason] },
      503,
      noStore,
    );
  });
  return app;
}
