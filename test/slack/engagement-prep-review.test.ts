// Session prep and the reviews, answered from their DMs: prep answers are kept with their
// visibility; reviews rate each target against its baseline; the closing review ends
// with a before/after summary for the leader.
import { openReflection } from '../../db/reflections.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { saveContracting } from '../../db/contracting.js';
import { listTargets } from '../../db/targets.js';
import { upsertPersonTz } from '../../db/people.js';
import { askedQuestions, engagements, nudges, reflections, targets } from '../../db/schema/index.js';
import { loadLeaderRecords } from '../../db/coach-view.js';
import { coachViewOf } from '../../src/domain/privacy/index.js';
import { sharedAnswersOf } from '../../src/domain/digest/shared-answers.js';
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
  await h.db.db.execute(sql`truncate engagements, nudges, people, reflections, asked_questions cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

async function contractedEngagement(coachId?: string) {
  const seeded = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000), ...(coachId ? { coachId } : {}) });
  await saveContracting(h.db.db, h.cipher, {
    teamId: TEAM, engagementId: seeded.engagement.id, leaderId: LEADER, answers: [],
    targets: [
      { position: 1, description: 'Raise difficult topics the week they come up', baseline: 3, level: 2 },
      { position: 2, description: 'Ask before I tell <!channel>', baseline: 6, level: null },
    ],
  });
  await h.deps.replan!(TEAM, seeded.engagement.id);
  return seeded;
}

/** Delivers the first pending nudge of `kind` and returns it with its message. */
async function delivered(engagementId: string, kind: string) {
  const row = (await pendingNudges(h, engagementId)).filter((n) => n.kind === kind).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())[0]!;
  expect(await deliverNudge(h, row.id)).toBe('sent');
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, row.id));
  return { row: sent!, message: { channel: sent!.channelId!, ts: sent!.messageTs! } };
}

/** The closing ratings in the coach's view, as the brief and digest are built from it. */
async function coachSeesClosing(engagementId: string) {
  const [engagement] = await h.db.db.select().from(engagements).where(eq(engagements.id, engagementId));
  const [record] = await loadLeaderRecords(h.db.db, h.cipher, { teamId: TEAM, engagements: [engagement!] });
  return coachViewOf(COACH, record!).targets.map((t) => t.closingRating);
}

const updatesOf = (ts: string) => h.emu.callsTo('chat.update').filter((c) => c.args.ts === ts && c.ok);

describe('session prep', () => {
  it('saves both answers with the chosen visibility and replaces the button with a thank-you', async () => {
    const { engagement } = await contractedEngagement();
    // Last time the leader was asked the moment's first question, so this DM asks another.
    await h.db.db.insert(askedQuestions).values({ teamId: TEAM, leaderId: LEADER, use: 'prep_commitment', questionId: 'prep-example-01' });
    const { row, message } = await delivered(engagement.id, 'session_prep');
    const value = encodeNudgeValue({ nudgeId: row.id, sessionId: row.sessionId! });
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'prep_answer', value, message });
    const view = await openedView(h, opens);
    expect(view.callback_id).toBe('session_prep');
    expect(JSON.stringify(view.blocks)).not.toContain('Which one real example would you like to bring');
    const { body } = await submit(h, LEADER, view, { example: 'Thursday planning: I asked first and waited', want: 'Practise the hard conversation', visibility: 'private' });
    expect(body).toBeUndefined();
    const [saved] = await h.db.db.select().from(reflections);
    expect(saved).toMatchObject({ kind: 'session_prep', visibility: 'private', engagementId: engagement.id });
    // Kept under the ids of the questions the modal asked, so the coach reads them with the same words.
    const kept = JSON.parse(openReflection(h.cipher, saved!).body) as Record<string, string>;
    expect(Object.values(kept)).toEqual(['Thursday planning: I asked first and waited', 'Practise the hard conversation']);
    const asked = ['example', 'want'].map((id) => (view.blocks.find((b) => (b as { block_id?: string }).block_id === id) as { label: { text: string } }).label.text.replace(/ \(optional\)$/, ''));
    expect(sharedAnswersOf({ body: kept }).map((a) => a.question)).toEqual(asked);
    const update = await waitFor(() => updatesOf(message.ts)[0]);
    expect(actionIdsIn(update.args.blocks)).toEqual([]);
    expect(JSON.stringify(update.args.blocks)).toContain('Answered');
    // A second click on the old button opens nothing and writes nothing.
    await click(h, { userId: LEADER, actionId: 'prep_answer', value, message });
    await waitFor(() => updatesOf(message.ts)[1]);
    expect(h.emu.callsTo('views.open').length).toBe(opens + 1);
    expect(await h.db.db.select().from(reflections)).toHaveLength(1);
  });
});

describe('session prep in a style', () => {
  it('asks the experiment’s prep question from the bank, in the DM and its modal, and the next prep another', async () => {
    const bankAsked = (use: string, blocks: unknown) => QUESTION_BANK.filter((q) => q.use === use && JSON.stringify(blocks).includes(q.text)).map((q) => q.text);
    const { engagement } = await contractedEngagement();
    await h.db.db.update(engagements).set({ style: 'experiment' }).where(eq(engagements.id, engagement.id));
    const { row, message } = await delivered(engagement.id, 'session_prep');
    const first = bankAsked('prep_experiment', messageBlocks(h, message));
    expect(first).toHaveLength(1);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'prep_answer', value: encodeNudgeValue({ nudgeId: row.id, sessionId: row.sessionId! }), message });
    expect(bankAsked('prep_experiment', (await openedView(h, opens)).blocks)).toEqual(first);
    const next = await delivered(engagement.id, 'session_prep');
    const second = bankAsked('prep_experiment', messageBlocks(h, next.message));
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });
});

describe('reviews', () => {
  it('rates each target at the midpoint against its baseline', async () => {
    const { engagement } = await contractedEngagement();
    const { row, message } = await delivered(engagement.id, 'midpoint_review');
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'review_open', value: encodeNudgeValue({ nudgeId: row.id, engagementId: engagement.id }), message });
    const view = await openedView(h, opens);
    expect(view.callback_id).toBe('target_review');
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('you started at 3/10');
    expect(shown).toContain('&lt;!channel&gt;');
    const invalid = await submit(h, LEADER, view, { rating1: '5' });
    expect(invalid.body).toMatchObject({ response_action: 'errors', errors: { rating2: expect.any(String) } });
    expect((await submit(h, LEADER, view, { rating1: '5', rating2: '6' })).body).toBeUndefined();
    const rows = await h.db.db.select().from(targets).orderBy(targets.position);
    expect(rows.map((t) => [t.midpointRating, t.closingRating])).toEqual([[5, null], [6, null]]);
    expect(actionIdsIn((await waitFor(() => updatesOf(message.ts)[0])).args.blocks)).toEqual([]);
  });

  it('opens the midpoint with a bank question, asks it again in the modal, and asks the leader’s next midpoint another', async () => {
    const midpointQuestions = QUESTION_BANK.filter((q) => q.use === 'midpoint').map((q) => q.text);
    const askedIn = (blocks: unknown) => midpointQuestions.filter((q) => JSON.stringify(blocks).includes(q));
    const { engagement } = await contractedEngagement();
    const { row, message } = await delivered(engagement.id, 'midpoint_review');
    const first = askedIn(messageBlocks(h, message));
    expect(first).toHaveLength(1);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'review_open', value: encodeNudgeValue({ nudgeId: row.id, engagementId: engagement.id }), message });
    expect(askedIn((await openedView(h, opens)).blocks)).toEqual(first);
    const next = await contractedEngagement('U0COACH002');
    const second = askedIn(messageBlocks(h, (await delivered(next.engagement.id, 'midpoint_review')).message));
    expect(second).toHaveLength(1);
    expect(second).not.toEqual(first);
  });

  it('lets the leader reword a target at the midpoint, keeping its baseline', async () => {
    const { engagement } = await contractedEngagement();
    const { row, message } = await delivered(engagement.id, 'midpoint_review');
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'review_open', value: encodeNudgeValue({ nudgeId: row.id, engagementId: engagement.id }), message });
    const view = await openedView(h, opens);
    expect(JSON.stringify(view.blocks)).toContain('Does target 1 still say what you want to change?');
    const tooLong = await submit(h, LEADER, view, { rating1: '5', rating2: '6', reword1: 'x'.repeat(301) });
    expect(tooLong.body).toMatchObject({ response_action: 'errors', errors: { reword1: expect.stringContaining('300 characters') } });
    const reworded = 'Raise difficult topics in the meeting where they belong';
    // Target 2 comes back with its own words: unchanged, so nothing is rewritten.
    expect((await submit(h, LEADER, view, { rating1: '5', rating2: '6', reword1: `  ${reworded} `, reword2: 'Ask before I tell <!channel>' })).body).toBeUndefined();
    const after = await listTargets(h.db.db, h.cipher, TEAM, engagement.id);
    expect(after.map((t) => [t.description, t.baseline, t.midpointRating])).toEqual([[reworded, 3, 5], ['Ask before I tell <!channel>', 6, 6]]);
  });

  it('ends the closing review with a before/after summary DM for the leader', async () => {
    const { engagement } = await contractedEngagement();
    const { row, message } = await delivered(engagement.id, 'closing_review');
    const opens = h.emu.callsTo('views.open').length;
    const posts = h.emu.callsTo('chat.postMessage').length;
    await click(h, { userId: LEADER, actionId: 'review_open', value: encodeNudgeValue({ nudgeId: row.id, engagementId: engagement.id }), message });
    expect((await submit(h, LEADER, await openedView(h, opens), { rating1: '8', rating2: '7' })).body).toBeUndefined();
    const summary = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(posts).find((c) => c.args.channel === LEADER));
    const text = JSON.stringify(summary.args.blocks);
    expect(text).toContain('3 → 8 (+5)');
    expect(text).toContain('6 → 7 (+1)');
    expect(text).not.toContain('<!channel>');
    const rows = await h.db.db.select().from(targets).orderBy(targets.position);
    expect(rows.map((t) => t.closingRating)).toEqual([8, 7]);
    // Left at its default (summary), the ratings reach the coach.
    expect(await coachSeesClosing(engagement.id)).toEqual([8, 7]);
  });

  it('keeps the closing ratings from the coach when the leader chose “Only me”', async () => {
    const { engagement } = await contractedEngagement();
    const { row, message } = await delivered(engagement.id, 'closing_review');
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'review_open', value: encodeNudgeValue({ nudgeId: row.id, engagementId: engagement.id }), message });
    const view = await openedView(h, opens);
    expect(JSON.stringify(view.blocks)).toContain('Only me: only you see these ratings.');
    expect((await submit(h, LEADER, view, { rating1: '8', rating2: '7', visibility: 'private' })).body).toBeUndefined();
    expect((await h.db.db.select().from(targets)).map((t) => t.closingRating).sort()).toEqual([7, 8]);
    expect(await coachSeesClosing(engagement.id)).toEqual([null, null]);
  });

  it('asks one looking-back question from the bank in the closing review, keeps the answer as the leader chose, and the summary asks nothing', async () => {
    const { engagement } = await contractedEngagement();
    const { row, message } = await delivered(engagement.id, 'closing_review');
    const opens = h.emu.callsTo('views.open').length;
    const posts = h.emu.callsTo('chat.postMessage').length;
    await click(h, { userId: LEADER, actionId: 'review_open', value: encodeNudgeValue({ nudgeId: row.id, engagementId: engagement.id }), message });
    const view = await openedView(h, opens);
    const asked = view.blocks.find((b: { block_id?: string }) => b.block_id === 'looking_back') as { label: { text: string } } | undefined;
    expect(asked?.label.text).toMatch(/\?$/);
    const meta = JSON.parse(view.private_metadata as string) as { questionId?: string };
    expect(meta.questionId).toMatch(/^review-/);
    expect((await submit(h, LEADER, view, { rating1: '8', rating2: '7', looking_back: 'Saying the hard thing on Monday', visibility: 'shared' })).body).toBeUndefined();
    const [kept] = await h.db.db.select().from(reflections).where(eq(reflections.kind, 'review'));
    expect(kept).toMatchObject({ leaderId: LEADER, engagementId: engagement.id, visibility: 'shared' });
    expect(JSON.parse(openReflection(h.cipher, kept!).body)).toEqual({ [meta.questionId!]: 'Saying the hard thing on Monday' });
    const summary = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(posts).find((c) => c.args.channel === LEADER));
    expect(JSON.stringify(summary.args.blocks)).not.toContain('?');
  });

  it('refuses the review button to anyone but the leader', async () => {
    const { engagement } = await contractedEngagement();
    const { row } = await delivered(engagement.id, 'midpoint_review');
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: 'review_open', value: encodeNudgeValue({ nudgeId: row.id, engagementId: engagement.id }) });
    const notice = await waitFor(() => h.emu.callsTo('views.open')[opens]);
    expect(JSON.stringify(notice.args.view)).toContain('not something you can do');
    expect((await h.db.db.select().from(targets)).every((t) => t.midpointRating === null)).toBe(true);
  });
});
