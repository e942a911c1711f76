// What Slack's answers do to a nudge: a 429 re-delays it by Retry-After (delayed, not
// failed), 5xx retries with backoff and never double-posts, permanent errors fail it at
// once with the reason and no further calls.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendJobId } from '../../jobs/job-types.js';
import {
  BOT_TOKEN, deliveredNudgeIds, insertNudges, nudgeRow, seedLeader, sleep, startDeliveryFixture, TEAM, waitFor, type DeliveryFixture,
} from './support/delivery-fixture.js';

describe('Slack errors during a send', () => {
  let f: DeliveryFixture;
  beforeAll(async () => {
    f = await startDeliveryFixture({ sendRetry: { attempts: 3, backoffMs: 300 } });
    await f.startWorker();
  });
  afterEach(() => f.emu.setFaults(null));
  afterAll(async () => {
    await f?.close();
  });

  it('a 429 with Retry-After re-delays the job; the nudge goes out after the window', async () => {
    const leader = await seedLeader(f, 'U0RATE0001');
    const [id] = await insertNudges(f, leader, 1);
    f.emu.setFaults({ methods: ['chat.postMessage'], rateLimitStorm: { seconds: 2, retryAfter: 3 } });
    const limitedAt = Date.now();
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).reason === 'rate_limited', 5_000, 'rate limited');

    const waiting = await nudgeRow(f, id!);
    expect(waiting.status).toBe('pending');
    expect(waiting.dueAt.getTime()).toBeGreaterThanOrEqual(limitedAt + 3_000);
    const job = await f.queues.sendNudge.getJob(sendJobId(id!, waiting.dueAt));
    expect(await job?.getState()).toBe('delayed');

    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 10_000, 'sent');
    const sent = await nudgeRow(f, id!);
    expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(waiting.dueAt.getTime());
    expect(deliveredNudgeIds(f, leader.leaderId)).toEqual([id]);
  });

  it('a 5xx after Slack posted is retried, found in the history, and not posted twice', async () => {
    const leader = await seedLeader(f, 'U0LOST0001');
    const [id] = await insertNudges(f, leader, 1);
    f.emu.setFaults({ methods: ['chat.postMessage'], serverErrorRate: 1, when: 'after' });
    await f.reconcile();
    await waitFor(() => f.emu.callsTo('chat.postMessage').some((c) => c.args.channel && c.status >= 500), 5_000, 'first post');
    f.emu.setFaults(null);
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 10_000, 'sent');

    const row = await nudgeRow(f, id!);
    expect(deliveredNudgeIds(f, leader.leaderId)).toEqual([id]);
    expect(row.messageTs).toBe(f.emu.dmWith(TEAM, leader.leaderId)[0]!.ts);
    expect(row.attempts).toBe(2);
  });

  it('5xx on every try fails the nudge after the last attempt', async () => {
    const leader = await seedLeader(f, 'U0DOWN0001');
    const [id] = await insertNudges(f, leader, 1);
    f.emu.setFaults({ methods: ['chat.postMessage'], serverErrorRate: 1, serverErrorStatus: 503 });
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'failed', 10_000, 'failed');

    expect((await nudgeRow(f, id!)).reason).toBe('http_503');
    expect(deliveredNudgeIds(f, leader.leaderId)).toEqual([]);
    const posts = f.emu.callsTo('chat.postMessage').filter((c) => c.args.channel === f.emu.dmChannelId(TEAM, leader.leaderId));
    expect(posts).toHaveLength(3);
  });

  it('a permanent error marks the nudge failed with the reason, and nothing retries it', async () => {
    // Known to Grow, unknown to Slack (e.g. removed from the workspace).
    const leader = await seedLeader(f, 'U0NOBODY01', {}, { inSlack: false });
    const [id] = await insertNudges(f, leader, 1);
    const before = f.emu.calls.length;
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'failed', 5_000, 'failed');
    expect((await nudgeRow(f, id!)).reason).toBe('user_not_found');
    const calls = f.emu.calls.length;
    expect(f.emu.calls.slice(before).map((c) => c.method)).toEqual(['dnd.teamInfo', 'conversations.open']);

    await sleep(800);
    await f.reconcile();
    await sleep(300);
    expect(f.emu.calls.length).toBe(calls);
  });

  it('a revoked token fails the nudge without a retry storm', async () => {
    const leader = await seedLeader(f, 'U0REVOKE01');
    const [id] = await insertNudges(f, leader, 1);
    f.emu.revokeToken(BOT_TOKEN);
    const before = f.emu.calls.length;
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'failed', 5_000, 'failed');
    expect((await nudgeRow(f, id!)).reason).toBe('token_revoked');
    await sleep(800);
    expect(f.emu.calls.length - before).toBe(1);
  });
});
