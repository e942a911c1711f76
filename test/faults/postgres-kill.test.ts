// Postgres drops Grow's connections while it is sending (pg_terminate_backend on this
// test's own database only, again and again). The process stays up (a stray rejection
// is logged, not fatal), and every nudge is delivered exactly once: a send that lost its connection between
// post and record is found by its metadata on the retry instead of being posted again,
// and one left `sending` is repaired by the reconciler once STALE_SENDING_MS has passed.
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNudges, seedLeader, sleep, statusCounts, waitFor } from '../jobs/support/delivery-fixture.js';
import { sharedRedisUrl } from '../support/redis.js';
import { deliveredTo, seconds, startLiveGrow, type LiveGrow } from './support/live-grow.js';

describe('Postgres connections killed under a running Grow', () => {
  let live: LiveGrow;
  beforeAll(async () => {
    // A send whose connection died may be left `sending`; the stale window repairs it.
    live = await startLiveGrow({ redisUrl: sharedRedisUrl, reconcileEveryMs: 2_000, env: { STALE_SENDING_MS: '15000', SEND_TIME_LIMIT_MS: '10000' } });
  }, 60_000);
  afterAll(async () => {
    await live?.close();
  }, 30_000);

  it('mid-delivery: no crash, nothing lost, nothing sent twice', { timeout: 120_000 }, async () => {
    const { f } = live;
    const leaders = await Promise.all(['U0PGKILL01', 'U0PGKILL02', 'U0PGKILL03', 'U0PGKILL04', 'U0PGKILL05'].map((id) => seedLeader(f, id)));
    const ids = (await Promise.all(leaders.map((l) => insertNudges(f, l, 10)))).flat();
    await waitFor(() => deliveredTo(live, leaders).length >= 3, 20_000, 'the first sends');

    // A separate connection, so the killer is never among the killed.
    const admin = postgres(f.db.url, { max: 1, onnotice: () => {} });
    const name = new URL(f.db.url).pathname.slice(1);
    let killed = 0;
    try {
      for (let round = 0; round < 5; round++) {
        const rows = await admin`select pg_terminate_backend(pid) as done from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
        killed += rows.filter((r) => r.done).length;
        await sleep(150);
      }
    } finally {
      await admin.end({ timeout: 5 });
    }
    const lastKillAt = Date.now();
    expect(killed).toBeGreaterThan(0);

    await waitFor(async () => (await statusCounts(f)).sent === 50, 60_000, 'all 50 sent').catch(async (error: unknown) => {
      const stuck = await f.db.db.execute(sql`select id, attempts, reason, claimed_at from nudges where status <> 'sent'`);
      console.error(await statusCounts(f), stuck, live.grow.output().split('\n').filter((l) => /"level":(40|50|60)/.test(l)).slice(-25).join('\n'));
      throw error;
    });
    const recoveredMs = Date.now() - lastKillAt;
    console.info(`[faults] ${killed} Postgres backends killed in 5 rounds mid-delivery: all 50 nudges sent ${recoveredMs} ms (${seconds(recoveredMs)} s) after the last kill`);
    const delivered = deliveredTo(live, leaders);
    expect(delivered).toHaveLength(50);
    expect(new Set(delivered)).toEqual(new Set(ids));
    expect(live.grow.child.exitCode).toBeNull();
    const ready = await fetch(`${live.grow.url}/readyz`);
    expect(ready.status).toBe(200);
  });
});
