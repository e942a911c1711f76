// SIGKILL of the running Grow between a post and its record: Slack has the message, the
// row says `sending`. Grow is started again and must not post it a second time; it finds
// the message by the nudge id in its metadata and records it.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudges } from '../../db/schema/index.js';
import { insertNudges, nudgeRow, seedLeader, waitFor } from '../jobs/support/delivery-fixture.js';
import { sharedRedisUrl } from '../support/redis.js';
import { deliveredTo, seconds, startLiveGrow, type LiveGrow } from './support/live-grow.js';

describe('SIGKILL between post and record', () => {
  let live: LiveGrow;
  beforeAll(async () => {
    // The test hook holds every send after its post, so the kill lands exactly there.
    live = await startLiveGrow({ redisUrl: sharedRedisUrl, reconcileEveryMs: 2_000, env: { GROW_TEST_PAUSE_AFTER_POST: '60000' } });
  }, 60_000);
  afterAll(async () => {
    await live?.close();
  }, 30_000);

  it('after a restart the nudge is recorded, and Slack holds it once', { timeout: 60_000 }, async () => {
    const { f } = live;
    const leader = await seedLeader(f, 'U0SIGKILL1');
    const [id] = await insertNudges(f, leader, 1);
    await waitFor(() => deliveredTo(live, [leader]).includes(id!), 15_000, 'the post');
    live.grow.child.kill('SIGKILL');
    await new Promise((r) => live.grow.child.once('exit', r));
    const orphan = await nudgeRow(f, id!);
    expect(orphan.status).toBe('sending');

    // The claim is old by the time anyone looks again (the stale-send window is minutes).
    await f.db.db.update(nudges).set({ claimedAt: sql`now() - interval '1 hour'` }).where(eq(nudges.id, id!));
    const restartedAt = Date.now();
    await live.restart({ GROW_TEST_PAUSE_AFTER_POST: '0' });
    const readyAt = Date.now();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 20_000, 'recorded as sent');
    const recoveredMs = Date.now() - readyAt;
    console.info(`[faults] SIGKILL between post and record: restart took ${seconds(readyAt - restartedAt)} s; recorded ${recoveredMs} ms after Grow was ready, without a second post`);
    expect(deliveredTo(live, [leader])).toEqual([id]);
    expect((await nudgeRow(f, id!)).messageTs).toBeTruthy();
  });
});
