// What an operator reads when Postgres goes away under a running Grow while Slack keeps
// sending requests and nudges keep falling due: one line saying Postgres is lost and how to
// fix it, at most one warning per backoff step, one line when it is back, and none of the
// individual failures the outage caused. Everything due is still delivered once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../src/dependency-watch.js';
import { HAVING_TROUBLE } from '../../src/slack/friendly-errors.js';
import { COACH, TEAM, insertNudges, seedLeader, sleep, statusCounts, waitFor } from '../jobs/support/delivery-fixture.js';
import { sharedRedisUrl } from '../support/redis.js';
import { deliveredTo, startLiveGrowBehindProxy, type LiveGrow } from './support/live-grow.js';
import type { TcpProxy } from './support/tcp-proxy.js';

const OUTAGE_MS = 8_000;
const WARN = 40;

/** How many backoff steps can have started within `elapsedMs` of the first failure. */
function stepsWithin(elapsedMs: number): number {
  let steps = 0;
  for (let at = 0; at <= elapsedMs; at += backoffDelayMs(steps)) steps++;
  return steps;
}

describe('Postgres lost after start: what the logs say', () => {
  let proxy: TcpProxy;
  let live: LiveGrow;
  beforeAll(async () => {
    ({ live, proxy } = await startLiveGrowBehindProxy({ redisUrl: sharedRedisUrl, reconcileEveryMs: 1_000 }));
  }, 60_000);
  afterAll(async () => {
    await live?.close();
    await proxy?.close();
  }, 30_000);

  it('logs one "lost" line, at most one warning per backoff step, one "back" line, and no failure one by one', { timeout: 90_000 }, async () => {
    const { f } = live;
    const leader = await seedLeader(f, 'U0PGLOGS01');
    await waitFor(() => live.grow.logs().some((l) => l.msg === 'Grow is running'), 30_000, 'Grow to be running');
    const sentBefore = (await statusCounts(f)).sent ?? 0;
    const logsBefore = live.grow.logs().length;

    await proxy.cut();
    const cutAt = Date.now();
    // Due during the outage: the reconciler and the sender keep trying and failing.
    const during = await insertNudges(f, leader, 6);
    let asked = 0;
    while (Date.now() - cutAt < OUTAGE_MS) {
      const reply = await f.emu.slashCommand({ teamId: TEAM, userId: COACH, command: '/grow', text: 'history' });
      expect(reply.failure).toBeUndefined();
      expect(reply.status).toBe(200);
      asked++;
      await sleep(400);
    }
    expect(f.emu.ephemerals(TEAM, COACH).filter((e) => e.text === HAVING_TROUBLE).length).toBeGreaterThanOrEqual(asked);
    await proxy.mend();
    const mendedAt = Date.now();
    await waitFor(async () => (await statusCounts(f)).sent === sentBefore + during.length, 60_000, 'everything due meanwhile sent');
    await waitFor(() => live.grow.logs().slice(logsBefore).some((l) => l.dependency === 'postgres' && l.level === 30), 20_000, 'the "back" line');
    await sleep(1_000);

    const lines = live.grow.logs().slice(logsBefore);
    const postgres = lines.filter((l) => l.dependency === 'postgres');
    const lost = postgres.filter((l) => l.level === 50);
    const steps = postgres.filter((l) => l.level === 40);
    const back = postgres.filter((l) => l.level === 30);
    expect(lost).toHaveLength(1);
    expect(String(lost[0]!.msg)).toMatch(/Postgres is not reachable at 127\.0\.0\.1:\d+\/\w+: start it, or fix DATABASE_URL/);
    expect(back).toHaveLength(1);
    const lostAt = Number(lost[0]!.time);
    const backAt = Number(back[0]!.time);
    expect(backAt).toBeGreaterThan(lostAt);
    // One warning per step at most: the steps' attempts only rise, and no more of them than fit in the time.
    const attempts = steps.map((l) => Number(l.attempt));
    expect(attempts).toEqual([...new Set(attempts)].sort((a, b) => a - b));
    expect(steps.length).toBeLessThanOrEqual(stepsWithin(backAt - lostAt));
    expect(steps.length).toBeGreaterThan(0);
    for (const s of steps) expect(Number(s.time)).toBeLessThanOrEqual(backAt);
    // Nothing else at warning level or above: the failures the outage caused are not logged one by one.
    const others = lines.filter((l) => Number(l.level) >= WARN && l.dependency !== 'postgres');
    expect(others.map((l) => l.msg)).toEqual([]);

    const delivered = deliveredTo(live, [leader]);
    expect(delivered).toHaveLength(during.length);
    expect(new Set(delivered)).toEqual(new Set(during));
    console.info(`[faults] Postgres cut ${Math.round((mendedAt - cutAt) / 100) / 10} s with ${asked} Slack requests: ${postgres.length} log lines about it (${steps.length} warnings)`);
  });
});
