// FLUSHALL while Grow runs and sends: the queue, its jobs and every scheduler vanish.
// The process is not restarted; its own reconcile loop refills the queue from Postgres,
// and every nudge still arrives exactly once (counted by the nudge id Slack holds).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNudges, seedLeader, statusCounts, waitFor } from '../jobs/support/delivery-fixture.js';
import { startPrivateRedis, type PrivateRedis } from '../support/redis.js';
import { deliveredTo, seconds, startLiveGrow, type LiveGrow } from './support/live-grow.js';

const RECONCILE_EVERY_MS = 3_000;

describe('FLUSHALL on a running Grow', () => {
  let redis: PrivateRedis;
  let live: LiveGrow;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    live = await startLiveGrow({ redisUrl: redis.url, reconcileEveryMs: RECONCILE_EVERY_MS });
  }, 60_000);
  afterAll(async () => {
    await live?.close();
    await redis?.stop();
  }, 30_000);

  it('mid-stream with 50 due nudges: each delivered once within two reconcile intervals, schedulers back', { timeout: 90_000 }, async () => {
    const { f } = live;
    const leaders = await Promise.all(['U0FLUSHL01', 'U0FLUSHL02', 'U0FLUSHL03', 'U0FLUSHL04', 'U0FLUSHL05'].map((id) => seedLeader(f, id)));
    // Half are due now and on their way; half fall due a moment after the flush.
    const soon = new Date(Date.now() + 4_000);
    const now = (await Promise.all(leaders.map((l) => insertNudges(f, l, 5)))).flat();
    const later = (await Promise.all(leaders.map((l) => insertNudges(f, l, 5, { dueAt: soon })))).flat();
    await waitFor(() => deliveredTo(live, leaders).length >= 5, 20_000, 'the first sends');

    const admin = new Redis(redis.url);
    try {
      // FLUSHALL and DBSIZE in one transaction: the running process may write a key the
      // moment after, so only an atomic read shows what the flush itself left.
      const flushed = await admin.multi().flushall().dbsize().exec();
      const flushedAt = Date.now();
      expect(flushed?.[1]?.[1]).toBe(0);
      await waitFor(async () => (await statusCounts(f)).sent === 50, 2 * RECONCILE_EVERY_MS + 10_000, 'all 50 sent after the flush')
        // On a timeout, say where the rest are (pending, sending, deferred…): the state that stuck.
        .catch(async (error: unknown) => { throw new Error(`${(error as Error).message}; rows by status: ${JSON.stringify(await statusCounts(f))}`); });
      const recoveredMs = Date.now() - flushedAt;
      console.info(`[faults] FLUSHALL mid-stream: all 50 nudges out ${recoveredMs} ms after the flush (${seconds(recoveredMs)} s, reconcile every ${RECONCILE_EVERY_MS / 1000} s)`);
      expect(recoveredMs).toBeLessThan(2 * RECONCILE_EVERY_MS + 10_000);

      const delivered = deliveredTo(live, leaders);
      expect(delivered).toHaveLength(50);
      expect(new Set(delivered)).toEqual(new Set([...now, ...later]));
      // The recurring jobs came back by themselves, without a restart.
      await waitFor(async () => (await admin.keys(`${f.config.queuePrefix}:refresh-time-zones:repeat*`)).length > 0, 2 * RECONCILE_EVERY_MS, 'the time-zone scheduler re-created');
      expect(live.grow.child.exitCode).toBeNull();
    } finally {
      admin.disconnect();
    }
  });
});
