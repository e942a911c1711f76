// The Redis connection BullMQ runs on, and the readiness probe for /readyz. Redis only
// executes what Postgres says, so an outage delays nudges but loses none; the operator
// still deserves one clear line saying what is wrong and how to fix it.
import { Redis } from 'ioredis';
import type { Logger } from '../src/logger.js';

/** The URL without credentials, safe to log. */
export function describeRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ''}`;
  } catch {
    return 'the configured REDIS_URL';
  }
}

/** A connection suitable for BullMQ workers (blocking commands must never time out). */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: true });
  let down = false;
  redis.on('error', (error: NodeJS.ErrnoException) => {
    // ioredis retries on its own and emits an error per try; say it once per outage.
    if (down) return;
    down = true;
    const where = describeRedisUrl(url);
    if (error.code === 'ECONNREFUSED' || error.code === 'ENOTFOUND' || error.code === 'EHOSTUNREACH') {
      logger.error(
        { err: { code: error.code } },
        `Redis is not reachable at ${where}: start one with \`redis-server\` (install: \`apt-get install redis-server\`) or set REDIS_URL`,
      );
    } else {
      logger.error({ err: { code: error.code, message: error.message } }, `Redis connection error at ${where}`);
    }
  });
  redis.on('ready', () => {
    if (down) logger.info(`Redis reachable again at ${describeRedisUrl(url)}`);
    down = false;
  });
  return redis;
}

/** Resolves when Redis answers PING within the timeout; rejects otherwise. */
export async function pingRedis(redis: Redis, timeoutMs = 1000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not answer PING in time')), timeoutMs);
  });
  try {
    const answer = await Promise.race([redis.ping(), timeout]);
    if (answer !== 'PONG') throw new Error(`unexpected PING answer: ${answer}`);
  } finally {
    clearTimeout(timer);
  }
}
