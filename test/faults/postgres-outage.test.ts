// Postgres out of reach for a while under a running Grow (a proxy the test cuts, so the
// shared server keeps running). Slack still gets an answer at once, the friendly
// "having trouble" one; /readyz names Postgres; once it is back, what fell due meanwhile
// goes out exactly once, without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVING_TROUBLE } from '../../src/slack/friendly-errors.js';
import { COACH, TEAM, insertNudges, seedLeader, sleep, statusCounts, waitFor } from '../jobs/support/delivery-fixture.js';
import { sharedRedisUrl } from '../support/redis.js';
import { deliveredTo, seconds, startLiveGrowBehindProxy, type LiveGrow } from './support/live-grow.js';
import type { TcpProxy } from './support/tcp-proxy.js';

const OUTAGE_MS = 10_000;

async function readiness(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('Postgres out of reach under a running Grow', () => {
  let proxy: TcpProxy;
  let live: LiveGrow;
  beforeAll(async () => {
    ({ live, proxy } = await startLiveGrowBehindProxy({ redisUrl: sharedRedisUrl, reconcileEveryMs: 2_000 }));
  }, 60_000);
  afterAll(async () => {
    await live?.close();
    await proxy?.close();
  }, 30_000);

  it('answers Slack with "having trouble", says Postgres is down, and delivers once when it is back', { timeout: 90_000 }, async () => {
    const { f } = live;
    const leader = await seedLeader(f, 'U0PGDOWN01');
    const before = await insertNudges(f, leader, 3);
    await waitFor(async () => (await statusCounts(f)).sent === 3, 20_000, 'the first 3 sent');

    await proxy.cut();
    const cutAt = Date.now();
    const during = await insertNudges(f, leader, 5);
    await waitFor(async () => (await readiness(live.grow.url)).status === 503, 10_000, '/readyz to fail');
    expect((await readiness(live.grow.url)).body).toMatchObject({ checks: { postgres: 'unreachable', redis: 'ok' } });

    const askedAt = Date.now();
    const history = await f.emu.slashCommand({ teamId: TEAM, userId: COACH, command: '/grow', text: 'history' });
    const answeredMs = Date.now() - askedAt;
    expect(history.status).toBe(200);
    expect(history.failure).toBeUndefined();
    expect(answeredMs).toBeLessThan(3_000);
    expect(f.emu.ephemerals(TEAM, COACH).map((e) => e.text)).toContain(HAVING_TROUBLE);

    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - cutAt)));
    expect(live.grow.child.exitCode).toBeNull();
    await proxy.mend();
    const backAt = Date.now();
    await waitFor(async () => (await statusCounts(f)).sent === 8, 60_000, 'all 8 sent');
    const recoveredMs = Date.now() - backAt;
    console.info(`[faults] Postgres unreachable ${seconds(backAt - cutAt)} s: /grow answered "having trouble" in ${answeredMs} ms; the 5 nudges due meanwhile out ${recoveredMs} ms (${seconds(recoveredMs)} s) after it was back`);
    const delivered = deliveredTo(live, [leader]);
    expect(delivered).toHaveLength(8);
    expect(new Set(delivered)).toEqual(new Set([...before, ...during]));
    await waitFor(async () => (await readiness(live.grow.url)).status === 200, 10_000, '/readyz to pass again');
  });
});
