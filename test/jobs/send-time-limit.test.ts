// A send that hangs past its time limit gives its row back: the row returns to pending
// with the reason `time_limit`, the job is retried, and the abandoned attempt never posts
// when its stuck call finally answers, so the leader gets the nudge exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliveredNudgeIds, insertNudges, nudgeRow, seedLeader, sleep, startDeliveryFixture, TEAM, waitFor, type DeliveryFixture,
} from './support/delivery-fixture.js';

describe('send time limit', () => {
  let f: DeliveryFixture;
  beforeAll(async () => {
    f = await startDeliveryFixture({ sendRetry: { attempts: 5, backoffMs: 300 } });
    await f.startWorker({ config: { ...f.config, sendTimeLimitMs: 1_000 } });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('a hung send releases its row, is retried, and posts once', { timeout: 30_000 }, async () => {
    const leader = await seedLeader(f, 'U0HANG0001');
    const [id] = await insertNudges(f, leader, 1);
    // Opening the DM answers only after the limit: the first attempt is abandoned mid-call.
    f.emu.setFaults({ methods: ['conversations.open'], delayMs: 2_500 });
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).reason === 'time_limit', 8_000, 'released by the time limit');
    const released = await nudgeRow(f, id!);
    expect(released.status === 'pending' || released.status === 'sending').toBe(true);
    f.emu.setFaults(null);

    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 15_000, 'sent');
    // Let every abandoned attempt's stuck call answer: none of them may post.
    await sleep(3_000);
    expect(deliveredNudgeIds(f, leader.leaderId)).toEqual([id]);
    const posts = f.emu.callsTo('chat.postMessage').filter((c) => c.args.channel === f.emu.dmChannelId(TEAM, leader.leaderId));
    expect(posts).toHaveLength(1);
  });
});
