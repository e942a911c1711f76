// Sessions from App Home — moved, held, cancelled — and ending the engagement: each
// change re-plans, so pending nudges follow; ending cancels them all.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { upsertPersonTz } from '../../db/people.js';
import { rowSeal } from '../../db/sealed.js';
import { coachNotices, engagements, nudges, sessions } from '../../db/schema/index.js';
import {
  click, COACH, LEADER, openedView, parisDate, pendingNudges, seedEngagement, startEngagementHarness, submit, TEAM, waitFor, type EngagementHarness,
} from './engagement-support.js';

const OTHER = 'U0OTHER002';
let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
  h.emu.addUser(TEAM, { id: OTHER, name: 'olga', tz: 'Europe/Berlin' });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people cascade`);
  const now = new Date();
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', now);
  await upsertPersonTz(h.db.db, TEAM, COACH, 'Europe/London', now);
});

const DAY = 86_400_000;
const menu = (op: string, sessionId: string) => JSON.stringify({ op, sessionId });
const sessionRow = async (id: string) => (await h.db.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;

async function activeEngagement(firstInDays: number) {
  const seeded = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + firstInDays * DAY) });
  await h.deps.replan!(TEAM, seeded.engagement.id);
  return seeded;
}

/** Waits for the App Home notice (a small modal) a refused change gets, and returns its text. */
async function noticeAfter(opens: number): Promise<string> {
  const call = await waitFor(() => h.emu.callsTo('views.open')[opens]);
  return JSON.stringify(call.args.view);
}

describe('sessions', () => {
  it('moves a session to a time on the mover’s clock, and its prep nudge moves with it', async () => {
    const { engagement, sessions: list } = await activeEngagement(3);
    const s2 = list[1]!;
    const prepBefore = (await pendingNudges(h, engagement.id)).find((n) => n.kind === 'session_prep' && n.sessionId === s2.id)!;
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'session_menu', selectedValue: menu('reschedule', s2.id) });
    const view = await openedView(h, opens);
    expect(view.callback_id).toBe('session_reschedule');
    const replans = h.replans.length;
    const posts = h.emu.callsTo('chat.postMessage').length;
    const newDate = parisDate(16);
    const { body } = await submit(h, LEADER, view, { date: newDate, time: '15:30' });
    expect(body).toBeUndefined();
    const moved = await sessionRow(s2.id);
    expect(DateTime.fromJSDate(moved.scheduledAt, { zone: 'Europe/Paris' }).toFormat('yyyy-MM-dd HH:mm')).toBe(`${newDate} 15:30`);
    expect(h.replans.length).toBeGreaterThan(replans);
    const prepAfter = (await pendingNudges(h, engagement.id)).find((n) => n.kind === 'session_prep' && n.sessionId === s2.id)!;
    expect(prepAfter.id).toBe(prepBefore.id);
    expect(prepAfter.dueAt.getTime()).not.toBe(prepBefore.dueAt.getTime());
    expect(prepAfter.dueAt.getTime()).toBeLessThan(moved.scheduledAt.getTime());
    // The coach is not told at once: the move waits in their next quiet notice.
    const [item] = await h.db.db.select().from(coachNotices).where(eq(coachNotices.engagementId, engagement.id));
    expect(item).toMatchObject({ coachId: COACH, leaderId: LEADER, event: 'session_moved', sessionId: s2.id, nudgeId: null });
    const [notice] = await h.db.db.select().from(nudges).where(and(eq(nudges.kind, 'coach_notice'), eq(nudges.recipientId, COACH)));
    expect(notice!.status).toBe('pending');
    expect(notice!.dueAt.getTime()).toBeGreaterThan(Date.now());
    expect(h.emu.callsTo('chat.postMessage').slice(posts).filter((c) => c.args.channel === COACH)).toHaveLength(0);
  });

  it('refuses a move into the past inline', async () => {
    const { sessions: list } = await activeEngagement(3);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: 'session_menu', selectedValue: menu('reschedule', list[0]!.id) });
    const { body } = await submit(h, COACH, await openedView(h, opens), { date: parisDate(-1), time: '10:00' });
    expect(body).toMatchObject({ response_action: 'errors', errors: { time: expect.stringContaining('passed') } });
    expect((await sessionRow(list[0]!.id)).scheduledAt.getTime()).toBe(list[0]!.scheduledAt.getTime());
  });

  it('asks before cancelling a session, then cancels its pending nudges and tells the other person', async () => {
    const { engagement, sessions: list } = await activeEngagement(3);
    const s3 = list[2]!;
    // The session's own nudges: its prep and the check-in prompt after it.
    const own = (list: { sessionId: string | null; kind: string }[]) => list.filter((n) => n.sessionId === s3.id && ['session_prep', 'checkin_prompt'].includes(n.kind));
    expect(own(await pendingNudges(h, engagement.id))).toHaveLength(2);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: 'session_menu', selectedValue: menu('cancel', s3.id) });
    const confirm = await openedView(h, opens);
    expect(confirm.callback_id).toBe('session_cancel');
    expect(JSON.stringify(confirm.blocks)).toContain(`<@${LEADER}> will be told`);
    // Choosing from the menu alone changes nothing.
    expect((await sessionRow(s3.id)).status).toBe('scheduled');
    const posts = h.emu.callsTo('chat.postMessage').length;
    const { body } = await submit(h, COACH, confirm, {});
    expect(body).toBeUndefined();
    await waitFor(async () => (await sessionRow(s3.id)).status === 'cancelled');
    const told = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(posts).find((c) => c.args.channel === LEADER));
    expect(JSON.stringify(told.args.blocks)).toContain('cancelled session 3');
    expect(told.args.text).not.toContain('<@');
    await waitFor(async () => own(await pendingNudges(h, engagement.id)).length === 0);
    const cancelled = await h.db.db.select().from(nudges).where(and(eq(nudges.sessionId, s3.id), eq(nudges.status, 'cancelled')));
    expect(own(cancelled)).toHaveLength(2);
  });

  it('says so in the confirmation when the session was cancelled meanwhile', async () => {
    const { sessions: list } = await activeEngagement(3);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'session_menu', selectedValue: menu('cancel', list[1]!.id) });
    const confirm = await openedView(h, opens);
    await h.db.db.update(sessions).set({ status: 'cancelled' }).where(eq(sessions.id, list[1]!.id));
    const posts = h.emu.callsTo('chat.postMessage').length;
    const { body } = await submit(h, LEADER, confirm, {});
    expect(JSON.stringify(body)).toContain('already cancelled');
    expect(h.emu.callsTo('chat.postMessage').slice(posts).filter((c) => c.args.channel === COACH)).toHaveLength(0);
  });

  it('marks a session held once it has begun, and refuses one still ahead', async () => {
    const { sessions: list } = await activeEngagement(-0.1);
    await click(h, { userId: COACH, actionId: 'session_menu', selectedValue: menu('held', list[0]!.id) });
    await waitFor(async () => (await sessionRow(list[0]!.id)).status === 'held');
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: 'session_menu', selectedValue: menu('held', list[1]!.id) });
    expect(await noticeAfter(opens)).toContain('not started yet');
    expect((await sessionRow(list[1]!.id)).status).toBe('scheduled');
  });

  it('refuses someone outside the engagement', async () => {
    const { engagement, sessions: list } = await activeEngagement(3);
    const pending = (await pendingNudges(h, engagement.id)).length;
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: OTHER, actionId: 'session_menu', selectedValue: menu('cancel', list[0]!.id) });
    expect(await noticeAfter(opens)).toContain('not something you can do');
    expect((await sessionRow(list[0]!.id)).status).toBe('scheduled');
    expect(await pendingNudges(h, engagement.id)).toHaveLength(pending);
  });
});

describe('ending', () => {
  it('ends the engagement, cancels every pending nudge, and tells the other party', async () => {
    const { engagement } = await activeEngagement(3);
    const pending = await pendingNudges(h, engagement.id);
    expect(pending.length).toBeGreaterThan(3);
    const posts = h.emu.callsTo('chat.postMessage').length;
    const opensBefore = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: 'engagement_end', value: JSON.stringify({ engagementId: engagement.id }) });
    const confirm = await openedView(h, opensBefore);
    expect(confirm.callback_id).toBe('engagement_end_submit');
    // Opening the confirmation changes nothing.
    expect((await h.db.db.select().from(engagements).where(eq(engagements.id, engagement.id)))[0]!.status).toBe('active');
    const reason = 'We agreed to pause coaching while the reorganisation settles';
    expect((await submit(h, COACH, confirm, { reason })).body).toBeUndefined();
    const told = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(posts).find((c) => c.args.channel === LEADER));
    expect(JSON.stringify(told.args.blocks)).toContain('ended your coaching engagement');
    // The coach ended it: the leader is told only that.
    expect(JSON.stringify(told.args.blocks)).not.toContain('reorganisation');
    const [row] = await h.db.db.select().from(engagements).where(eq(engagements.id, engagement.id));
    expect(row).toMatchObject({ status: 'ended', endedBy: COACH });
    expect(row!.endedAt).toBeInstanceOf(Date);
    // The reason is stored sealed, never as written.
    expect(row!.endReasonEnc).not.toContain('reorganisation');
    expect(rowSeal(h.cipher, 'engagements', row!).open('end_reason_enc', row!.endReasonEnc!)).toBe(reason);
    expect(await pendingNudges(h, engagement.id)).toEqual([]);
    const cancelled = await h.db.db.select().from(nudges).where(and(eq(nudges.engagementId, engagement.id), eq(nudges.status, 'cancelled')));
    expect(cancelled.map((n) => n.id).sort()).toEqual(pending.map((n) => n.id).sort());
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'engagement_end', value: JSON.stringify({ engagementId: engagement.id }) });
    expect(await noticeAfter(opens)).toContain('already ended');
  });

  it('tells the coach the reason when the leader ends it early', async () => {
    const { engagement } = await activeEngagement(3);
    const posts = h.emu.callsTo('chat.postMessage').length;
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'engagement_end', value: JSON.stringify({ engagementId: engagement.id }) });
    const confirm = await openedView(h, opens);
    expect(JSON.stringify(confirm.blocks)).toContain(`Only you and <@${COACH}> (your coach) see it.`);
    expect((await submit(h, LEADER, confirm, { reason: 'New role from March <!channel>' })).body).toBeUndefined();
    const told = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(posts).find((c) => c.args.channel === COACH));
    const shown = JSON.stringify(told.args.blocks);
    expect(shown).toContain('seen only by them and you');
    expect(shown).toContain('New role from March &lt;!channel&gt;');
    expect(told.args.text).not.toContain('New role');
    const [row] = await h.db.db.select().from(engagements).where(eq(engagements.id, engagement.id));
    expect(row).toMatchObject({ status: 'ended', endedBy: LEADER });
  });
});
