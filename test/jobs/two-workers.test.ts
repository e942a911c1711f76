// Two workers on one queue, each reconciling and each handed duplicate jobs, deliver
// every nudge exactly once: the row claim is the only lock that matters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveredNudgeIds, insertNudges, seedLeader, statusCounts, TEAM, waitFor, type DeliveryFixture, startDeliveryFixture } from './support/delivery-fixture.js';

describe('two workers running at once', () => {
  let f: DeliveryFixture;
  beforeAll(async () => {
    f = await startDeliveryFixture();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('deliver each of N nudges once', async () => {
    const leaders = await Promise.all(['U0TWO00001', 'U0TWO00002', 'U0TWO00003'].map((id) => seedLeader(f, id)));
    const ids = (await Promise.all(leaders.map((l) => insertNudges(f, l, 10)))).flat();
    const [a, b] = [await f.startWorker({ concurrency: 5 }), await f.startWorker({ concurrency: 5 })];
    // Both reconcile at once, and every nudge also gets a stray job under another id, as
    // a stale schedule would leave behind: BullMQ's dedupe cannot help with those.
    await Promise.all([
      a!.reconcileNow(),
      b!.reconcileNow(),
      a!.queues.sendNudge.addBulk(ids.map((nudgeId) => ({ name: 'send-nudge' as const, data: { nudgeId, teamId: TEAM }, opts: { jobId: `stray-${nudgeId}` } }))),
    ]);
    await waitFor(async () => (await statusCounts(f)).sent === ids.length, 20_000, 'all sent');

    const delivered = leaders.flatMap((l) => deliveredNudgeIds(f, l.leaderId));
    expect(delivered).toHaveLength(ids.length);
    expect(new Set(delivered)).toEqual(new Set(ids));
    expect(f.emu.callsTo('chat.postMessage').filter((c) => c.ok)).toHaveLength(ids.length);
  });
});
