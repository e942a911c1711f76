// The rules of a workspace's post pacing, the same for the Redis pacer every worker
// shares and the in-process one: unpaced until Slack refuses, held for Retry-After, then
// slots an interval apart that a waiting job finds kept for it, with the interval learnt
// from the posts Slack accepted between two refusals.
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryPostPacer, createRedisPostPacer, type PostPacer } from '../../jobs/post-pacing.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

const redis = new Redis(sharedRedisUrl);
const prefix = uniqueQueuePrefix('pacing');
afterAll(async () => {
  await clearQueuePrefix(sharedRedisUrl, prefix).catch(() => {});
  redis.disconnect();
});

const T0 = Date.now();

describe.each([
  ['in Redis', (team: string) => ({ pacer: createRedisPostPacer(redis, prefix), team })],
  ['in memory', (team: string) => ({ pacer: createMemoryPostPacer(), team })],
] as const)('post pacing %s', (_where, make: (team: string) => { pacer: PostPacer; team: string }) => {
  it('never slows a workspace Slack has not refused', async () => {
    const { pacer, team } = make(`T0NEVER${_where.length}`);
    for (let i = 0; i < 50; i++) expect(await pacer.reservePost(team, `job-${i}`, T0 + i)).toBe(0);
  });

  it('holds for Retry-After, then gives each waiting job its own slot, kept for it', async () => {
    const { pacer, team } = make(`T0HELD${_where.length}`);
    await pacer.refusePost(team, 1_000, T0);
    // First interval: Retry-After shared by 20 posts, 50 ms.
    const waits = await Promise.all(['a', 'b', 'c'].map((job, i) => pacer.reservePost(team, job, T0 + 10 + i)));
    expect(waits[0]).toBeGreaterThanOrEqual(990 - 1);
    const slots = waits.map((w, i) => T0 + 10 + i + w);
    expect(slots[1]! - slots[0]!).toBe(50);
    expect(slots[2]! - slots[1]!).toBe(50);
    // Each wakes at its slot and posts; a newcomer takes the slot after theirs.
    expect(await pacer.reservePost(team, 'b', slots[1]!)).toBe(0);
    expect(await pacer.reservePost(team, 'a', slots[0]! + 60)).toBe(0);
    const newcomer = await pacer.reservePost(team, 'd', slots[1]! + 1);
    expect(slots[1]! + 1 + newcomer).toBe(slots[2]! + 50);
  });

  it('learns the interval from the posts accepted between two refusals', async () => {
    const { pacer, team } = make(`T0LEARN${_where.length}`);
    await pacer.refusePost(team, 1_000, T0);
    // After the hold, ten posts granted before Slack refuses again at T0 + 2,000.
    let now = T0 + 1_000;
    for (let i = 0; i < 10; i++) {
      const wait = await pacer.reservePost(team, `j${i}`, now);
      now += wait;
      if (wait > 0) expect(await pacer.reservePost(team, `j${i}`, now)).toBe(0);
    }
    await pacer.refusePost(team, 1_000, T0 + 2_000);
    // 2,000 ms for 10 posts: one every 200 ms after the new hold.
    const first = await pacer.reservePost(team, 'k0', T0 + 3_000);
    const second = await pacer.reservePost(team, 'k1', T0 + 3_000);
    expect(second - first).toBe(200);
  });
});
