// The nudge about what would make the action a 10, end to end: planned by the engagement
// from the check-in's answer, delivered by the real sender before the follow-up, and
// answered with its buttons in the same message.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCheckIn } from '../../db/check-ins.js';
import { upsertPersonTz } from '../../db/people.js';
import { nudges } from '../../db/schema/index.js';
import { encodeNudgeValue } from '../../src/slack/nudge-button-value.js';
import { actionIdsIn, click, deliverNudge, LEADER, messageBlocks, pendingNudges, seedEngagement, startEngagementHarness, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, actions, nudges, people, reflections cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

async function deliveredPrecondition(askPrecondition: boolean) {
  const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 20 * 86_400_000) });
  const saved = await insertCheckIn(h.db.db, h.cipher, {
    teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'Calmer 1:1s', reality: 'r', options: 'o',
    will: 'Announce the new rota', commitment: 6, visibility: 'summary', revisited: true, makeItTen: 'HR agrees the wording',
    actionDueAt: new Date(Date.now() + 8 * 86_400_000), askPrecondition,
  });
  await h.deps.replan!(TEAM, engagement.id);
  return { engagement, actionId: saved.actionId, pending: await pendingNudges(h, engagement.id) };
}

describe('the precondition nudge', () => {
  it('is planned before the follow-up only when the leader asked for it', async () => {
    const asked = await deliveredPrecondition(true);
    const followUp = asked.pending.find((n) => n.kind === 'follow_up')!;
    const precondition = asked.pending.find((n) => n.kind === 'precondition')!;
    expect(precondition.ref).toEqual({ actionId: asked.actionId });
    expect(precondition.dueAt.getTime()).toBeLessThan(followUp.dueAt.getTime());
    await h.db.db.execute(sql`truncate engagements, check_ins, actions, nudges cascade`);
    const notAsked = await deliveredPrecondition(false);
    expect(notAsked.pending.map((n) => n.kind)).not.toContain('precondition');
  });

  it.each([
    ['precondition_done', 'In place'],
    ['precondition_not_yet', 'Not yet'],
  ])('is delivered quoting the answer, and %s replaces its buttons in the same message', async (actionId, label) => {
    const f = await deliveredPrecondition(true);
    const nudge = f.pending.find((n) => n.kind === 'precondition')!;
    expect(await deliverNudge(h, nudge.id)).toBe('sent');
    const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, nudge.id));
    const message = { channel: sent!.channelId!, ts: sent!.messageTs! };
    expect(JSON.stringify(messageBlocks(h, message))).toContain('HR agrees the wording');
    expect(actionIdsIn(messageBlocks(h, message))).toEqual(['precondition_done', 'precondition_not_yet']);
    await click(h, { userId: LEADER, actionId, value: encodeNudgeValue({ nudgeId: nudge.id, actionId: f.actionId }), message });
    const update = await waitFor(() => h.emu.callsTo('chat.update').find((c) => c.args.ts === message.ts && c.ok));
    expect(JSON.stringify(update.args.blocks)).toContain(label);
    expect(JSON.stringify(update.args.blocks)).not.toContain('precondition_done');
  });
});
