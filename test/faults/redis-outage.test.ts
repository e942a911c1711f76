// Redis stopped for 30 seconds under a running Grow, then started again empty on the same
// port (a restart without persistence). Meanwhile Grow keeps answering Slack, /readyz
// names Redis, and once Redis is back every nudge that fell due goes out exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COACH, TEAM, insertNudges, seedLeader, sleep, statusCounts, waitFor } from '../jobs/support/delivery-fixture.js';
import { startPrivateRedis, type PrivateRedis } from '../support/redis.js';
import { deliveredTo, seconds, startLiveGrow, type LiveGrow } from './support/live-grow.js';

const RECONCILE_EVERY_MS = 2_000;
const OUTAGE_MS = 30_000;

async function readiness(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Redis down for 30 seconds under a running Grow', () => {
  let redis: PrivateRedis & { port: number };
  let live: LiveGrow;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    live = await startLiveGrow({ redisUrl: redis.url, reconcileEveryMs: RECONCILE_EVERY_MS });
  }, 60_000);
  afterAll(async () => {
    await live?.close();
    await redis?.stop();
  }, 30_000);

  it('keeps answering Slack, says Redis is down, and delivers everything once when it is back', { timeout: 120_000 }, async () => {
    const { f } = live;
    const leaders = await Promise.all(['U0OUTAGE01', 'U0OUTAGE02'].map((id) => seedLeader(f, id)));
    const before = (await Promise.all(leaders.map((l) => insertNudges(f, l, 5)))).flat();
    await waitFor(async () => (await statusCounts(f)).sent === 10, 20_000, 'the first 10 sent');

    await redis.stop();
    const stoppedAt = Date.now();
    // Due during the outage, and some queued just before it (lost with Redis's memory).
    const during = (await Promise.all(leaders.map((l) => insertNudges(f, l, 10)))).flat();

    await waitFor(async () => (await readiness(live.grow.url)).status === 503, 10_000, '/readyz to fail');
    const down = await readiness(live.grow.url);
    expect(down.body).toMatchObject({ checks: { redis: 'unreachable', postgres: 'ok' } });

    const askedAt = Date.now();
    const help = await f.emu.slashCommand({ teamId: TEAM, userId: COACH, command: '/grow', text: 'help' });
    const answeredMs = Date.now() - askedAt;
    expect(help.status).toBe(200);
    expect(help.failure).toBeUndefined();
    expect(answeredMs).toBeLessThan(3_000);
    expect(f.emu.ephemerals(TEAM, COACH).length).toBeGreaterThan(0);
    expect(live.grow.child.exitCode).toBeNull();

    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
    redis = await startPrivateRedis({ port: redis.port });
    const backAt = Date.now();
    await waitFor(async () => (await statusCounts(f)).sent === 30, 2 * RECONCILE_EVERY_MS + 20_000, 'all 30 sent');
    const recoveredMs = Date.now() - backAt;
    console.info(`[faults] Redis down ${seconds(backAt - stoppedAt)} s: /grow help answered in ${answeredMs} ms during the outage; all 20 nudges due meanwhile out ${recoveredMs} ms (${seconds(recoveredMs)} s) after Redis was back`);

    const delivered = deliveredTo(live, leaders);
    expect(delivered).toHaveLength(30);
    expect(new Set(delivered)).toEqual(new Set([...before, ...during]));
    await waitFor(async () => (await readiness(live.grow.url)).status === 200, 10_000, '/readyz to pass again');
  });
});
