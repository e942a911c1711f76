// Checks made at send time, from current data: a paused leader's due nudge is skipped
// (not piled up), outside working hours it waits for the next window, under Do Not
// Disturb until DND lifts, and a nudge about something settled is not sent at all.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPerson } from '../../db/people.js';
import { actions, checkIns, engagements, nudges } from '../../db/schema/index.js';
import { sendJobId } from '../../jobs/job-types.js';
import { deferPastDnd, nextWorkingInstant } from '../../src/domain/time/index.js';
import {
  deliveredNudgeIds, insertNudges, nudgeRow, seedLeader, startDeliveryFixture, TEAM, waitFor, type DeliveryFixture,
} from './support/delivery-fixture.js';

const settled = (f: DeliveryFixture, id: string) => async () => {
  const row = await nudgeRow(f, id);
  return row.status !== 'pending' && row.status !== 'sending' ? true : row.reason !== null;
};

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('send-time checks', () => {
  let f: DeliveryFixture;
  beforeAll(async () => {
    f = await startDeliveryFixture();
    await f.startWorker();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('a paused leader: the due nudge is skipped and nothing is posted', async () => {
    const leader = await seedLeader(f, 'U0PAUSE001', { pausedUntil: new Date(Date.now() + 86_400_000) });
    const [id] = await insertNudges(f, leader, 1);
    await f.reconcile();
    await waitFor(settled(f, id!), 5_000, 'settled');
    const row = await nudgeRow(f, id!);
    expect([row.status, row.reason]).toEqual(['skipped', 'paused']);
    expect(f.emu.callsTo('chat.postMessage').filter((c) => c.args.channel === f.emu.dmChannelId(TEAM, leader.leaderId))).toHaveLength(0);
    expect(f.emu.dmWith(TEAM, leader.leaderId)).toHaveLength(0);
  });

  it('outside working hours: deferred to the next window, with a delayed job for it', async () => {
    // A one-hour window three hours from now (UTC), every day.
    const nowMinute = Math.floor((Date.now() % 86_400_000) / 60_000);
    const start = (nowMinute + 180) % 1440 <= 1380 ? (nowMinute + 180) % 1440 : 0;
    const hours = { tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], startMinute: start, endMinute: start + 60 };
    const leader = await seedLeader(f, 'U0HOURS001', { workStartMinute: hours.startMinute, workEndMinute: hours.endMinute });
    const [id] = await insertNudges(f, leader, 1);
    await f.reconcile();
    await waitFor(settled(f, id!), 5_000, 'settled');

    const row = await nudgeRow(f, id!);
    expect([row.status, row.reason]).toEqual(['pending', 'outside_working_hours']);
    expect(row.dueAt).toEqual(nextWorkingInstant(new Date(), hours));
    expect(await (await f.queues.sendNudge.getJob(sendJobId(id!, row.dueAt)))?.getState()).toBe('delayed');
    expect(f.emu.dmWith(TEAM, leader.leaderId)).toHaveLength(0);
  });

  it('Do Not Disturb: deferred until it lifts (inside working hours)', async () => {
    const leader = await seedLeader(f, 'U0DND00001');
    const dndEnd = Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000;
    f.emu.setUserDnd(TEAM, leader.leaderId, { start: hhmm(Date.now() - 3_600_000), end: hhmm(dndEnd) });
    const [id] = await insertNudges(f, leader, 1);
    await f.reconcile();
    await waitFor(settled(f, id!), 5_000, 'settled');

    const row = await nudgeRow(f, id!);
    expect([row.status, row.reason]).toEqual(['pending', 'dnd']);
    const always = { tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440 };
    expect(row.dueAt).toEqual(deferPastDnd(new Date(), new Date(dndEnd), always));
    expect(f.emu.dmWith(TEAM, leader.leaderId)).toHaveLength(0);
  });

  it('a follow-up on an action already answered is skipped', async () => {
    const leader = await seedLeader(f, 'U0ANSWER01');
    await f.db.db.update(actions).set({ status: 'done', answeredAt: new Date() }).where(eq(actions.id, leader.actionId));
    const [id] = await insertNudges(f, leader, 1, { kind: 'follow_up' });
    await f.reconcile();
    await waitFor(settled(f, id!), 5_000, 'settled');
    const row = await nudgeRow(f, id!);
    expect([row.status, row.reason]).toEqual(['skipped', 'action_answered']);
    expect(f.emu.dmWith(TEAM, leader.leaderId)).toHaveLength(0);
  });

  it('a precondition nudge quotes what would make it a 10, escaped, with somewhere to answer', async () => {
    const leader = await seedLeader(f, 'U0PRECON01');
    const [action] = await f.db.db.select().from(actions).where(eq(actions.id, leader.actionId));
    await f.db.db.update(checkIns).set({ makeItTenEnc: f.cipher.encrypt('HR <!here> agrees the wording') }).where(eq(checkIns.id, action!.checkInId));
    const [id] = await insertNudges(f, leader, 1, { kind: 'precondition' });
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 5_000, 'sent');
    const body = JSON.stringify(f.emu.dmWith(TEAM, leader.leaderId)[0]!.blocks);
    expect(body).toContain('HR &lt;!here&gt; agrees the wording');
    expect(body).not.toContain('<!here>');
    expect(body).toContain('precondition_done');
    expect(body).toContain('precondition_not_yet');
  });

  it('a precondition nudge without an answer to ask about, or on an answered action, is skipped', async () => {
    const leader = await seedLeader(f, 'U0PRECON02');
    const [first] = await insertNudges(f, leader, 1, { kind: 'precondition' });
    await f.reconcile();
    await waitFor(settled(f, first!), 5_000, 'settled');
    expect([(await nudgeRow(f, first!)).status, (await nudgeRow(f, first!)).reason]).toEqual(['skipped', 'nothing_to_ask']);
    await f.db.db.update(actions).set({ status: 'done', answeredAt: new Date() }).where(eq(actions.id, leader.actionId));
    const [second] = await insertNudges(f, leader, 1, { kind: 'precondition' });
    await f.reconcile();
    await waitFor(settled(f, second!), 5_000, 'settled');
    expect((await nudgeRow(f, second!)).reason).toBe('action_answered');
    expect(f.emu.dmWith(TEAM, leader.leaderId)).toHaveLength(0);
  });

  it('a nudge for an ended engagement is cancelled', async () => {
    const leader = await seedLeader(f, 'U0ENDED001');
    await f.db.db.update(engagements).set({ status: 'ended', endedAt: new Date() }).where(eq(engagements.id, leader.engagementId));
    const [id] = await insertNudges(f, leader, 1);
    await f.reconcile();
    await waitFor(settled(f, id!), 5_000, 'settled');
    const row = await nudgeRow(f, id!);
    expect([row.status, row.reason]).toEqual(['cancelled', 'engagement_ended']);
  });

  it('a follow-up is rendered from current data, escaped, and counts as unanswered', async () => {
    const leader = await seedLeader(f, 'U0FOLLOW01');
    const [id] = await insertNudges(f, leader, 1, { kind: 'follow_up' });
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 5_000, 'sent');
    expect(deliveredNudgeIds(f, leader.leaderId)).toEqual([id]);
    const [message] = f.emu.dmWith(TEAM, leader.leaderId);
    const body = JSON.stringify(message!.blocks);
    expect(body).toContain('Ask &lt;!channel&gt; &amp; the team for feedback');
    expect(body).not.toContain('<!channel>');
    expect(body).toContain('followup_done');
    expect((await findPerson(f.db.db, TEAM, leader.leaderId))?.unansweredFollowUps).toBe(1);
  });

  it('a follow-up on a check-in made outside any engagement is still delivered', async () => {
    const leader = await seedLeader(f, 'U0SOLO0001');
    await f.db.db.update(actions).set({ engagementId: null }).where(eq(actions.id, leader.actionId));
    const [row] = await f.db.db
      .insert(nudges)
      .values({ teamId: TEAM, recipientId: leader.leaderId, kind: 'follow_up', dedupeKey: `action:${leader.actionId}:follow_up`, dueAt: new Date(Date.now() - 1000), ref: { actionId: leader.actionId } })
      .returning({ id: nudges.id });
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, row!.id)).status === 'sent', 5_000, 'sent');
    expect(deliveredNudgeIds(f, leader.leaderId)).toEqual([row!.id]);
  });
});
