/** How long the command line's writes wait for another process to release the database's write lock. */
import { z } from 'zod';
import { defaultWriteWaitSeconds } from '../store/db.ts';
import { UsageError } from './command.ts';

const secondsSchema = z.coerce.number().min(0).max(3600);

/**
 * MIERUKA_WRITE_WAIT_SECONDS (default 5). Throws UsageError when it is not a number of seconds.
 * @example writeWaitSecondsFrom({ MIERUKA_WRITE_WAIT_SECONDS: '30' }) // 30
 */
export function writeWaitSecondsFrom(env: NodeJS.ProcessEnv): number {
  const value = env.MIERUKA_WRITE_WAIT_SECONDS?.trim() || String(defaultWriteWaitSeconds);
  const parsed = secondsSchema.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(
      `MIERUKA_WRITE_WAIT_SECONDS は 0〜3600 の秒数です (MIERUKA_WRITE_WAIT_SECONDS must be 0–3600 seconds): ${value}`,
    );
  }
  return parsed.data;
}
