// The follow-up DM's buttons, clicked as Slack sends them: each answer updates the action
// and replaces the buttons in that same message; stale clicks show what is recorded and
// change nothing; a click by someone else is refused.
import { openReflection } from '../../db/reflections.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { insertCheckIn } from '../../db/check-ins.js';
import { findPerson, upsertPersonTz, workingHoursOf } from '../../db/people.js';
import { actions, engagements, nudges, reflections } from '../../db/schema/index.js';
import { addWorkingDays } from '../../src/domain/time/index.js';
import { encodeNudgeValue } from '../../src/slack/nudge-button-value.js';
import { QUESTION_BANK } from '../../src/domain/questions/bank.js';
import {
  actionIdsIn, click, COACH, deliverNudge, LEADER, messageBlocks, openedView, pendingNudges, seedEngagement, startEngagementHarness, submit, TEAM, waitFor,
  type EngagementHarness,
} from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, actions, nudges, people, reflections cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

const ANSWER_BUTTONS = ['followup_done', 'followup_partly', 'followup_not_yet', 'followup_snooze'];

/** An active engagement, a check-in with its action, and the follow-up DM delivered by the real sender. */
async function deliveredFollowUp(experiment?: { coachId: string; expectation: string }) {
  const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000), ...(experiment ? { coachId: experiment.coachId } : {}) });
  if (experiment) await h.db.db.update(engagements).set({ style: 'experiment' }).where(eq(engagements.id, engagement.id));
  const saved = await insertCheckIn(h.db.db, h.cipher, {
    teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'Calmer 1:1s', reality: 'I talk most', options: 'Ask first',
    will: 'Open each 1:1 with a question', commitment: 9, visibility: 'summary', revisited: false, actionDueAt: new Date(Date.now() + 3 * 86_400_000),
    ...(experiment ? { expectation: experiment.expectation } : {}),
  });
  await h.deps.replan!(TEAM, engagement.id);
  const followUp = (await pendingNudges(h, engagement.id)).find((n) => n.kind === 'follow_up')!;
  expect(await deliverNudge(h, followUp.id)).toBe('sent');
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, followUp.id));
  const message = { channel: sent!.channelId!, ts: sent!.messageTs! };
  const value = encodeNudgeValue({ nudgeId: followUp.id, actionId: saved.actionId });
  return { engagement, actionId: saved.actionId, nudgeId: followUp.id, message, value };
}

const actionRow = async (id: string) => (await h.db.db.select().from(actions).where(eq(actions.id, id)))[0]!;
const nudgeRow = async (id: string) => (await h.db.db.select().from(nudges).where(eq(nudges.id, id)))[0]!;
const updatesOf = (ts: string) => h.emu.callsTo('chat.update').filter((c) => c.args.ts === ts && c.ok);

describe('the experiment’s follow-up', () => {
  it('quotes the prediction and asks what did happen with a bank question, another one the next time', async () => {
    const outcomeAsked = (blocks: unknown) => QUESTION_BANK.filter((q) => q.use === 'outcome' && JSON.stringify(blocks).includes(q.text)).map((q) => q.text);
    const first = await deliveredFollowUp({ coachId: 'U0COACH011', expectation: 'They will talk more' });
    const blocks = messageBlocks(h, first.message);
    expect(JSON.stringify(blocks)).toContain('They will talk more');
    expect(outcomeAsked(blocks)).toHaveLength(1);
    const second = await deliveredFollowUp({ coachId: 'U0COACH012', expectation: 'Silence, then ideas' });
    expect(outcomeAsked(messageBlocks(h, second.message))).toHaveLength(1);
    expect(outcomeAsked(messageBlocks(h, second.message))).not.toEqual(outcomeAsked(blocks));
  });
});

describe('answers', () => {
  it.each([
    ['followup_done', 'done', 'Done'],
    ['followup_partly', 'partly', 'Partly'],
    ['followup_not_yet', 'not_yet', 'Not yet'],
  ])('%s records the answer, resets the streak and replaces the buttons with the answer', async (actionId, status, label) => {
    const f = await deliveredFollowUp();
    expect((await findPerson(h.db.db, TEAM, LEADER))!.unansweredFollowUps).toBe(1);
    expect(actionIdsIn(messageBlocks(h, f.message))).toEqual(expect.arrayContaining(ANSWER_BUTTONS));
    await click(h, { userId: LEADER, actionId, value: f.value, message: f.message });
    const update = await waitFor(() => updatesOf(f.message.ts)[0]);
    expect(JSON.stringify(update.args.blocks)).toContain(label);
    expect(update.args.text).toMatch(/\?$/);
    expect(actionIdsIn(update.args.blocks)).toEqual(['followup_reflect']);
    expect(actionIdsIn(messageBlocks(h, f.message))).toEqual(['followup_reflect']);
    const action = await actionRow(f.actionId);
    expect(action.status).toBe(status);
    expect(action.answeredAt).toBeInstanceOf(Date);
    expect((await nudgeRow(f.nudgeId)).answeredAt).toBeInstanceOf(Date);
    expect((await findPerson(h.db.db, TEAM, LEADER))!.unansweredFollowUps).toBe(0);
    expect(h.replans).toContain(f.engagement.id);
  });

  it('snoozes by two working days in the leader’s zone: a new follow-up is planned and the message says when', async () => {
    const f = await deliveredFollowUp();
    const before = Date.now();
    await click(h, { userId: LEADER, actionId: 'followup_snooze', value: f.value, message: f.message });
    const update = await waitFor(() => updatesOf(f.message.ts)[0]);
    expect(JSON.stringify(update.args.blocks)).toContain('Snoozed');
    expect(actionIdsIn(update.args.blocks)).toEqual([]);
    const action = await actionRow(f.actionId);
    expect(action.status).toBe('open');
    const hours = workingHoursOf((await findPerson(h.db.db, TEAM, LEADER))!);
    const expected = addWorkingDays(new Date(before), 2, hours).getTime();
    expect(Math.abs(action.snoozedUntil!.getTime() - expected)).toBeLessThan(60_000);
    const next = (await pendingNudges(h, f.engagement.id)).filter((n) => n.kind === 'follow_up');
    expect(next).toHaveLength(1);
    expect(next[0]!.id).not.toBe(f.nudgeId);
    expect(next[0]!.dueAt.getTime()).toBe(action.snoozedUntil!.getTime());
  });

  it('Reflect… opens the modal and saves the reflection with its visibility; the open action keeps its buttons', async () => {
    const f = await deliveredFollowUp();
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'followup_reflect', value: f.value, message: f.message });
    const view = await openedView(h, opens);
    expect(view.callback_id).toBe('followup_reflection');
    const { body } = await submit(h, LEADER, view, { happened: 'Asked first in two of three 1:1s', learned: 'Silence is fine', try_next: '', visibility: 'shared' });
    expect(body).toBeUndefined();
    const [saved] = await h.db.db.select().from(reflections);
    expect(saved).toMatchObject({ kind: 'follow_up', actionId: f.actionId, engagementId: f.engagement.id, visibility: 'shared', leaderId: LEADER });
    expect(JSON.parse(openReflection(h.cipher, saved!).body)).toEqual({ happened: 'Asked first in two of three 1:1s', learned: 'Silence is fine' });
    expect((await nudgeRow(f.nudgeId)).answeredAt).toBeInstanceOf(Date);
    const update = await waitFor(() => updatesOf(f.message.ts)[0]);
    expect(JSON.stringify(update.args.blocks)).toContain('Reflection saved');
    expect(actionIdsIn(update.args.blocks)).toEqual(expect.arrayContaining(ANSWER_BUTTONS));
  });

  it('asks for at least one answer in the reflection, inline', async () => {
    const f = await deliveredFollowUp();
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'followup_reflect', value: f.value, message: f.message });
    const { body } = await submit(h, LEADER, await openedView(h, opens), { visibility: 'summary' });
    expect(body).toMatchObject({ response_action: 'errors', errors: { happened: expect.any(String) } });
    expect(await h.db.db.select().from(reflections)).toHaveLength(0);
  });
});

describe('stale and foreign clicks', () => {
  it('a second click on an answered message shows the recorded answer and changes nothing', async () => {
    const f = await deliveredFollowUp();
    await click(h, { userId: LEADER, actionId: 'followup_done', value: f.value, message: f.message });
    await waitFor(() => updatesOf(f.message.ts)[0]);
    const answeredAt = (await actionRow(f.actionId)).answeredAt;
    await click(h, { userId: LEADER, actionId: 'followup_not_yet', value: f.value, message: f.message });
    const second = await waitFor(() => updatesOf(f.message.ts)[1]);
    expect(JSON.stringify(second.args.blocks)).toContain('Done');
    expect(JSON.stringify(second.args.blocks)).not.toContain('Not yet');
    expect(await actionRow(f.actionId)).toMatchObject({ status: 'done', answeredAt });
    expect(h.emu.rejectedCalls()).toEqual([]);
  });

  it('a click after the engagement ended says so and leaves the action open', async () => {
    const f = await deliveredFollowUp();
    await h.db.db.update(engagements).set({ status: 'ended' }).where(eq(engagements.id, f.engagement.id));
    await click(h, { userId: LEADER, actionId: 'followup_partly', value: f.value, message: f.message });
    const update = await waitFor(() => updatesOf(f.message.ts)[0]);
    expect(JSON.stringify(update.args.blocks)).toContain('has ended');
    expect(actionIdsIn(update.args.blocks)).toEqual([]);
    expect((await actionRow(f.actionId)).status).toBe('open');
    expect((await nudgeRow(f.nudgeId)).answeredAt).toBeNull();
  });

  it('a click on a follow-up asked again since points to the newer message and changes nothing', async () => {
    const f = await deliveredFollowUp();
    await click(h, { userId: LEADER, actionId: 'followup_snooze', value: f.value, message: f.message });
    await waitFor(() => updatesOf(f.message.ts)[0]);
    const [again] = (await pendingNudges(h, f.engagement.id)).filter((n) => n.kind === 'follow_up');
    // The first was delivered at its due time, days ahead: the one asked again falls after it.
    const firstSentAt = (await nudgeRow(f.nudgeId)).sentAt!;
    await h.db.db.update(nudges).set({ dueAt: new Date(firstSentAt.getTime() + 86_400_000) }).where(eq(nudges.id, again!.id));
    expect(await deliverNudge(h, again!.id)).toBe('sent');
    await click(h, { userId: LEADER, actionId: 'followup_done', value: f.value, message: f.message });
    const update = await waitFor(() => updatesOf(f.message.ts)[1]);
    expect(JSON.stringify(update.args.blocks)).toContain('asked about this again');
    expect((await actionRow(f.actionId)).status).toBe('open');
  });

  it('refuses a click by someone other than the leader, privately, without touching the action or the message', async () => {
    const f = await deliveredFollowUp();
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: 'followup_done', value: f.value });
    const notice = await waitFor(() => h.emu.callsTo('views.open')[opens]);
    expect(JSON.stringify(notice.args.view)).toContain('not something you can do');
    expect(await actionRow(f.actionId)).toMatchObject({ status: 'open', answeredAt: null });
    expect((await nudgeRow(f.nudgeId)).answeredAt).toBeNull();
    expect(updatesOf(f.message.ts)).toEqual([]);
    expect(actionIdsIn(messageBlocks(h, f.message))).toEqual(expect.arrayContaining(ANSWER_BUTTONS));
  });

  it('treats an unreadable button value as out of date', async () => {
    const f = await deliveredFollowUp();
    const before = h.emu.ephemerals(TEAM, LEADER).length;
    await click(h, { userId: LEADER, actionId: 'followup_done', value: '{"nudgeId":"not-a-uuid"}', message: f.message });
    const notice = await waitFor(() => h.emu.ephemerals(TEAM, LEADER)[before]);
    expect(notice.text).toContain('out of date');
    expect((await actionRow(f.actionId)).status).toBe('open');
    const open = await h.db.db.select().from(actions).where(and(eq(actions.id, f.actionId), eq(actions.status, 'open')));
    expect(open).toHaveLength(1);
  });
});
