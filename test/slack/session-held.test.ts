// A session nobody marked held two days after it was due: the coach is asked once, in a
// DM, whether it took place. Yes marks it held, No marks it as not having happened; the
// answer replaces the buttons; a session marked meanwhile is not asked about, or shows
// how it stands; nobody else can answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { upsertPersonTz } from '../../db/people.js';
import { planSessionHeldQuestions } from '../../db/session-held-plan.js';
import { nudges, sessions } from '../../db/schema/index.js';
import { SESSION_HELD_ASK_AFTER_MS } from '../../src/domain/engagement/session-held.js';
import { encodeNudgeValue } from '../../src/slack/nudge-button-value.js';
import {
  actionIdsIn, click, COACH, deliverNudge, LEADER, messageBlocks, seedEngagement, startEngagementHarness, TEAM, waitFor, type EngagementHarness,
} from './engagement-support.js';

const DAY = 86_400_000;
const AROUND_THE_CLOCK = { workDays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 24 * 60 };
let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people cascade`);
  // The coach works around the clock here, so a question due in the past goes out at once.
  await upsertPersonTz(h.db.db, TEAM, COACH, 'Europe/London', new Date(), AROUND_THE_CLOCK);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

const questionsOf = (engagementId: string) =>
  h.db.db.select().from(nudges).where(and(eq(nudges.engagementId, engagementId), eq(nudges.kind, 'session_held')));
const sessionRow = async (id: string) => (await h.db.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;

/** Weekly sessions, the first three days ago: session 1 is past and unmarked, the others ahead. */
async function engagementWithPastSession() {
  const seeded = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - 3 * DAY) });
  await planSessionHeldQuestions(h.db.db, { teamId: TEAM, now: new Date() });
  const [question] = (await questionsOf(seeded.engagement.id)).filter((q) => q.sessionId === seeded.sessions[0]!.id);
  return { ...seeded, question: question! };
}

async function askedCoach(questionId: string) {
  // Slack's one-message-a-second pacing per DM may hold a send back a moment: try again.
  await waitFor(async () => (await deliverNudge(h, questionId)) === 'sent', 5000);
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, questionId));
  return { channel: sent!.channelId!, ts: sent!.messageTs! };
}

describe('did the session take place?', () => {
  it('plans one question per unmarked session, for its coach, two days after it was due', async () => {
    const { engagement, sessions: list, question } = await engagementWithPastSession();
    expect(question.recipientId).toBe(COACH);
    expect(question.dueAt.getTime()).toBeGreaterThanOrEqual(list[0]!.scheduledAt.getTime() + SESSION_HELD_ASK_AFTER_MS);
    // Planning again adds nothing: the coach is asked once per session.
    const before = (await questionsOf(engagement.id)).length;
    expect(before).toBeGreaterThan(0);
    await planSessionHeldQuestions(h.db.db, { teamId: TEAM, now: new Date() });
    expect(await questionsOf(engagement.id)).toHaveLength(before);
  });

  it('plans nothing for a session already marked, or in an engagement that is over', async () => {
    const seeded = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - 3 * DAY), count: 6 });
    await h.db.db.update(sessions).set({ status: 'held' }).where(eq(sessions.id, seeded.sessions[0]!.id));
    await planSessionHeldQuestions(h.db.db, { teamId: TEAM, now: new Date() });
    expect((await questionsOf(seeded.engagement.id)).map((q) => q.sessionId)).not.toContain(seeded.sessions[0]!.id);
  });

  it('asks the coach with two buttons, and Yes marks the session held in the same message', async () => {
    const { sessions: list, question } = await engagementWithPastSession();
    const message = await askedCoach(question.id);
    const blocks = messageBlocks(h, message);
    expect(JSON.stringify(blocks)).toContain(`session 1 with <@${LEADER}>`);
    expect(actionIdsIn(blocks)).toEqual(['session_held_yes', 'session_held_no']);
    await click(h, { userId: COACH, actionId: 'session_held_yes', value: encodeNudgeValue({ nudgeId: question.id, sessionId: list[0]!.id }), message });
    await waitFor(async () => (await sessionRow(list[0]!.id)).status === 'held');
    await waitFor(() => actionIdsIn(messageBlocks(h, message)).length === 0);
    expect(JSON.stringify(messageBlocks(h, message))).toContain('Marked held');
  });

  it('No marks the session as not having happened, so it no longer counts', async () => {
    const { sessions: list, question } = await engagementWithPastSession();
    const message = await askedCoach(question.id);
    await click(h, { userId: COACH, actionId: 'session_held_no', value: encodeNudgeValue({ nudgeId: question.id, sessionId: list[0]!.id }), message });
    await waitFor(async () => (await sessionRow(list[0]!.id)).status === 'cancelled');
    await waitFor(() => JSON.stringify(messageBlocks(h, message)).includes('no longer counts'));
  });

  it('is not sent once someone marked the session, and a late click shows how it stands', async () => {
    const { sessions: list, question } = await engagementWithPastSession();
    const message = await askedCoach(question.id);
    // The leader marks it held from App Home before the coach answers.
    await h.db.db.update(sessions).set({ status: 'held' }).where(eq(sessions.id, list[0]!.id));
    await click(h, { userId: COACH, actionId: 'session_held_no', value: encodeNudgeValue({ nudgeId: question.id, sessionId: list[0]!.id }), message });
    await waitFor(() => JSON.stringify(messageBlocks(h, message)).includes('Already marked held'));
    expect((await sessionRow(list[0]!.id)).status).toBe('held');
    // A question not yet sent about a session marked meanwhile is skipped.
    await upsertPersonTz(h.db.db, TEAM, 'U0COACH009', 'Europe/London', new Date(), AROUND_THE_CLOCK);
    const second = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - 3 * DAY), coachId: 'U0COACH009', leaderId: 'U0LEAD0009' });
    await planSessionHeldQuestions(h.db.db, { teamId: TEAM, now: new Date() });
    const [q2] = (await questionsOf(second.engagement.id)).filter((q) => q.sessionId === second.sessions[0]!.id);
    await h.db.db.update(sessions).set({ status: 'cancelled' }).where(eq(sessions.id, second.sessions[0]!.id));
    expect(await deliverNudge(h, q2!.id)).toBe('skipped');
  });

  it('refuses an answer from anyone but the coach it was sent to', async () => {
    const { sessions: list, question } = await engagementWithPastSession();
    const message = await askedCoach(question.id);
    const opens = h.emu.callsTo('chat.postEphemeral').length + h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'session_held_yes', value: encodeNudgeValue({ nudgeId: question.id, sessionId: list[0]!.id }), message });
    await waitFor(() => h.emu.callsTo('chat.postEphemeral').length + h.emu.callsTo('views.open').length > opens);
    expect((await sessionRow(list[0]!.id)).status).toBe('scheduled');
  });
});
