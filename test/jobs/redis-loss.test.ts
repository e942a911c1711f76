// Redis may lose everything: Postgres still knows what is pending, and the next
// reconcile puts it back, without sending anything twice. Runs on a private
// redis-server, since FLUSHALL would wipe other test files' queues.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { startPrivateRedis, type PrivateRedis } from '../support/redis.js';
import {
  deliveredNudgeIds, insertNudges, seedLeader, sleep, startDeliveryFixture, statusCounts, waitFor, type DeliveryFixture,
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

  it('with 50 pending nudges: all delivered once after the next reconcile', async () => {
    const leaders = await Promise.all(['U0FLUSH001', 'U0FLUSH002', 'U0FLUSH003', 'U0FLUSH004', 'U0FLUSH005'].map((id) => seedLeader(f, id)));
    // 20 due now go out at once; 30 due shortly wait as delayed jobs when Redis is wiped.
    const soon = new Date(Date.now() + 1500);
    const now = (await Promise.all(leaders.map((l) => insertNudges(f, l, 4)))).flat();
    const later = (await Promise.all(leaders.map((l) => insertNudges(f, l, 6, { dueAt: soon })))).flat();
    const worker = await f.startWorker({ concurrency: 10 });
    expect((await worker.reconcileNow()).enqueued).toBe(50);
    await waitFor(async () => (await statusCounts(f)).sent === now.length, 15_000, 'first 20 sent');

    const admin = new Redis(redis.url);
    await admin.flushall();
    admin.disconnect();
    await sleep(soon.getTime() - Date.now() + 500);
    expect(await statusCounts(f)).toEqual({ sent: 20, pending: 30 });

    await worker.reconcileNow();
    await waitFor(async () => (await statusCounts(f)).sent === 50, 15_000, 'all 50 sent');
    const delivered = leaders.flatMap((l) => deliveredNudgeIds(f, l.leaderId));
    expect(delivered).toHaveLength(50);
    expect(new Set(delivered)).toEqual(new Set([...now, ...later]));
  });
});
