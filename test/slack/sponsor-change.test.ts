// The sponsor's "change seen" question through the running app: asked at the closing
// review, answered once from its DM; the answer reaches the leader, and the coach only
// when the leader shares it. A click by anyone else changes nothing.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { upsertPersonTz } from '../../db/people.js';
import { engagements, nudges, sponsorAnswers } from '../../db/schema/index.js';
import {
  actionIdsIn, click, COACH, deliverNudge, LEADER, messageBlocks, openedView, openHomeView, pendingNudges, seedEngagement, startEngagementHarness, submit, TEAM, waitFor,
  type EngagementHarness,
} from './engagement-support.js';

const SPONSOR = 'U0SPONSOR1';
const CHANGE = 'Leo now raises problems in the Monday meeting';
const DAY = 86_400_000;

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
  h.emu.addUser(TEAM, { id: SPONSOR, name: 'hana', tz: 'Europe/London' });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people, sponsor_answers cascade`);
  for (const id of [LEADER, COACH, SPONSOR]) await upsertPersonTz(h.db.db, TEAM, id, 'Europe/Paris', new Date());
});

type Button = { action_id: string; value: string };
const buttonIn = (blocks: unknown, actionId: string) =>
  (blocks as { elements?: Button[]; accessory?: Button }[]).flatMap((b) => [...(b.elements ?? []), ...(b.accessory ? [b.accessory] : [])]).find((e) => e.action_id === actionId)!;

/** A running engagement with a sponsor, and the change question delivered to the sponsor. */
async function changeAsked() {
  const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + DAY) });
  await h.db.db.update(engagements).set({ sponsorId: SPONSOR, respondedAt: new Date() }).where(eq(engagements.id, engagement.id));
  await h.deps.replan!(TEAM, engagement.id);
  const row = (await pendingNudges(h, engagement.id)).find((n) => n.kind === 'sponsor_change');
  expect(row?.recipientId).toBe(SPONSOR);
  expect(await deliverNudge(h, row!.id)).toBe('sent');
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, row!.id));
  const where = { channel: sent!.channelId!, ts: sent!.messageTs! };
  return { engagement, where, value: buttonIn(messageBlocks(h, where), 'sponsor_answer_open').value };
}

async function answer(userId: string, where: { channel: string; ts: string }, value: string, text: string) {
  const opens = h.emu.callsTo('views.open').length;
  await click(h, { userId, actionId: 'sponsor_answer_open', value, message: where });
  const view = await openedView(h, opens);
  return { view, submitted: view.callback_id === 'sponsor_answer' ? await submit(h, userId, view, { sponsor_answer: text }) : null };
}

const changeRows = (engagementId: string) => h.db.db.select().from(sponsorAnswers).where(and(eq(sponsorAnswers.engagementId, engagementId), eq(sponsorAnswers.kind, 'change')));

describe('the sponsor’s change question', () => {
  it('is answered once from its DM, which turns into a thank-you', async () => {
    const { engagement, where, value } = await changeAsked();
    const { view, submitted } = await answer(SPONSOR, where, value, `  ${CHANGE}  `);
    expect(view.callback_id).toBe('sponsor_answer');
    expect(submitted!.body).toBeUndefined();
    expect(await changeRows(engagement.id)).toMatchObject([{ sponsorId: SPONSOR }]);
    // Stored encrypted: the words are not in the row.
    expect(JSON.stringify(await changeRows(engagement.id))).not.toContain('Monday meeting');
    await waitFor(() => !actionIdsIn(messageBlocks(h, where)).includes('sponsor_answer_open'));
    // The old button again: nothing opens for a second answer, and nothing more is stored.
    const opens = h.emu.callsTo('views.open').length;
    const updates = h.emu.callsTo('chat.update').filter((c) => c.args.ts === where.ts).length;
    await click(h, { userId: SPONSOR, actionId: 'sponsor_answer_open', value, message: where });
    await waitFor(() => h.emu.callsTo('chat.update').filter((c) => c.args.ts === where.ts)[updates]);
    expect(h.emu.callsTo('views.open').length).toBe(opens);
    expect(await changeRows(engagement.id)).toHaveLength(1);
  });

  it('is refused to anyone but the sponsor, storing nothing', async () => {
    const { engagement, where, value } = await changeAsked();
    for (const userId of [LEADER, COACH]) {
      // A forged click, not from the sponsor's DM: Grow answers with a notice, not the question.
      const opens = h.emu.callsTo('views.open').length;
      await click(h, { userId, actionId: 'sponsor_answer_open', value });
      const notice = await waitFor(() => h.emu.callsTo('views.open')[opens]);
      expect(JSON.stringify(notice.args.view)).not.toContain('"callback_id":"sponsor_answer"');
    }
    expect(actionIdsIn(messageBlocks(h, where))).toContain('sponsor_answer_open');
    expect(await changeRows(engagement.id)).toEqual([]);
  });

  it('reaches the leader, and the coach only once the leader shares it', async () => {
    const { engagement, where, value } = await changeAsked();
    await answer(SPONSOR, where, value, CHANGE);
    const leaderHome = await openHomeView(h, LEADER);
    expect(JSON.stringify(leaderHome)).toContain(CHANGE);
    expect(JSON.stringify(await openHomeView(h, COACH))).not.toContain(CHANGE);
    const share = buttonIn((leaderHome as { blocks: unknown }).blocks, 'sponsor_change_share');
    expect(share).toBeDefined();
    // The coach clicking the leader's button shares nothing.
    const posts = h.emu.callsTo('chat.postMessage').length;
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: COACH, actionId: 'sponsor_change_share', value: share.value });
    expect(JSON.stringify((await waitFor(() => h.emu.callsTo('views.open')[opens])).args.view)).not.toContain(CHANGE);
    expect(JSON.stringify(h.emu.callsTo('chat.postMessage').slice(posts))).not.toContain(CHANGE);
    expect(JSON.stringify(await openHomeView(h, COACH))).not.toContain(CHANGE);
    // The leader shares: the coach gets it in a DM.
    await click(h, { userId: LEADER, actionId: 'sponsor_change_share', value: share.value });
    const dm = await waitFor(() => h.emu.callsTo('chat.postMessage').slice(posts).find((c) => c.args.channel === COACH && JSON.stringify(c.args.blocks).includes('Monday meeting')));
    expect(dm.args.text).not.toContain('Monday meeting');
    expect(await changeRows(engagement.id)).toHaveLength(1);
  });
});
