// Redis may lose everything: Postgres still knows what is pending, and the next
// reconcile puts it back, without sending anything twice. Runs on a private
// redis-server, since FLUSHALL would wipe other test files' queues.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../support/redis.js';
import {
  deliveredNudgeIds, insertNudges, seedLeader, startDeliveryFixture, statusCounts, waitFor, type DeliveryFixture,
} from './support/delivery-fixture.js';

describe('FLUSHALL on Redis', () => {
  let redis: PrivateRedis;
  let f: DeliveryFixture;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    f = await startDeliveryFixture({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await f?.close();
    await redis?.stop();
  });

  it('with 50 pending nudges: all delivered once after the next reconcile', { timeout: 60_000 }, async () => {
    const leaders = await Promise.all(['U0FLUSH001', 'U0FLUSH002', 'U0FLUSH003', 'U0FLUSH004', 'U0FLUSH005'].map((id) => seedLeader(f, id)));
    // Some history first: 20 nudges delivered normally, so "once" covers them too.
    const early = (await Promise.all(leaders.map((l) => insertNudges(f, l, 4)))).flat();
    const first = await f.startWorker({ concurrency: 10 });
    await first.reconcileNow();
    await waitFor(async () => (await statusCounts(f)).sent === early.length, 30_000, 'first 20 sent');
    await first.close();

    // 50 pending rows, queued while no worker runs; then Redis loses everything.
    const pending = (await Promise.all(leaders.map((l) => insertNudges(f, l, 10)))).flat();
    expect((await f.reconcile()).enqueued).toBe(50);
    // Send jobs carry a priority (fair order across workspaces): ready ones are "prioritized".
    expect((await f.queues.sendNudge.getJobCounts('prioritized', 'delayed')).prioritized).toBe(50);
    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
    expect(await f.queues.sendNudge.getJobCounts('prioritized', 'waiting', 'delayed')).toMatchObject({ prioritized: 0, waiting: 0, delayed: 0 });
    expect(await statusCounts(f)).toEqual({ sent: 20, pending: 50 });

    const restarted = await f.startWorker({ concurrency: 10 });
    await restarted.reconcileNow();
    await waitFor(async () => (await statusCounts(f)).sent === 70, 30_000, 'all 70 sent');
    const delivered = leaders.flatMap((l) => deliveredNudgeIds(f, l.leaderId));
    expect(delivered).toHaveLength(70);
    expect(new Set(delivered)).toEqual(new Set([...early, ...pending]));
  });
});
