// The Redis connections BullMQ runs on, and the readiness probe for /readyz. Redis only
// executes what Postgres says, so an outage delays nudges but loses none; the operator
// still deserves one clear line saying what is wrong and how to fix it, and not a line
// per connection per reconnect: every connection reports to one DependencyWatch.
import { Redis } from 'ioredis';
import { backoffDelayMs, watchDependencies, type DependencyWatch } from '../src/dependency-watch.js';
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

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN']);

/** True for errors that only say "Redis is not there right now" (the watch reports those). */
export function isRedisConnectionError(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  return UNREACHABLE.has(e?.code ?? '') || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|Connection is closed|connect ETIMEDOUT/.test(e?.message ?? '');
}

/**
 * A connection suitable for BullMQ workers (blocking commands must never time out).
 * BullMQ duplicates it for each worker's blocking client; the duplicates keep this
 * retry strategy, so they report to the same watch.
 */
export function connectRedis(url: string, logger: Logger, watch: DependencyWatch = watchDependencies(logger)): Redis {
  const where = describeRedisUrl(url);
  let lastError: NodeJS.ErrnoException | undefined;
  const howToFix = () =>
    lastError && !UNREACHABLE.has(lastError.code ?? '')
      ? `Redis connection error at ${where} (${lastError.code ?? 'error'}): check REDIS_URL and the server's logs`
      : `Redis is not reachable at ${where}: start one with \`redis-server\` (install: \`apt-get install redis-server\`) or set REDIS_URL`;
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: (times) => {
      const delay = backoffDelayMs(times);
      watch.down('redis', times, delay, howToFix());
      return delay;
    },
  });
  redis.on('error', (error: NodeJS.ErrnoException) => {
    // The retry strategy reports each attempt; the error event only says why.
    lastError = error;
  });
  redis.on('ready', () => watch.up('redis'));
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
