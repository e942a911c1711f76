// Signed clicks whose ids or message location were made up: a random nudge id next to
// another leader's action id must not show that action, and a payload's channel/ts
// must not steer chat.update to a message Grow never sent to the person clicking.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { insertCheckIn } from '../../db/check-ins.js';
import { upsertPersonTz } from '../../db/people.js';
import { actions, nudges } from '../../db/schema/index.js';
import { encodeNudgeValue } from '../../src/slack/nudge-button-value.js';
import { click, COACH, deliverNudge, LEADER, pendingNudges, seedEngagement, startEngagementHarness, TEAM, waitFor, type EngagementHarness } from './engagement-support.js';

const WILL = 'Tell my manager the reorg plan scares me';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, actions, nudges, people, reflections cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

async function deliveredFollowUp() {
  const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000) });
  const saved = await insertCheckIn(h.db.db, h.cipher, {
    teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'Braver updates', reality: 'I hedge', options: 'Say it plainly',
    will: WILL, commitment: 9, visibility: 'private', revisited: false, actionDueAt: new Date(Date.now() + 3 * 86_400_000),
  });
  await h.deps.replan!(TEAM, engagement.id);
  const followUp = (await pendingNudges(h, engagement.id)).find((n) => n.kind === 'follow_up')!;
  expect(await deliverNudge(h, followUp.id)).toBe('sent');
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, followUp.id));
  return { actionId: saved.actionId, nudgeId: followUp.id, message: { channel: sent!.channelId!, ts: sent!.messageTs! } };
}

/** Every argument Grow sent to Slack since `from`, as one string to search. */
const callsSince = (from: number) => JSON.stringify(h.emu.calls.slice(from).map((c) => c.args));

describe('forged follow-up clicks', () => {
  it('refuses a random nudge id paired with another leader’s action, without showing their Will', async () => {
    const f = await deliveredFollowUp();
    const from = h.emu.calls.length;
    const opens = h.emu.callsTo('views.open').length;
    const forged = encodeNudgeValue({ nudgeId: randomUUID(), actionId: f.actionId });
    const buttons = ['followup_done', 'followup_reflect', 'followup_next_action'];
    for (const button of buttons) {
      await click(h, { userId: COACH, actionId: button, value: forged });
    }
    await waitFor(() => h.emu.callsTo('views.open').length >= opens + buttons.length);
    expect(callsSince(from)).not.toContain(WILL);
    expect(callsSince(from)).toContain('not something you can do');
    const [action] = await h.db.db.select().from(actions).where(eq(actions.id, f.actionId));
    expect(action).toMatchObject({ status: 'open', answeredAt: null });
  });

  it('refuses the leader’s own follow-up paired with another of their actions', async () => {
    const f = await deliveredFollowUp();
    const other = await insertCheckIn(h.db.db, h.cipher, {
      teamId: TEAM, leaderId: LEADER, engagementId: null, goal: 'g', reality: 'r', options: 'o', will: 'w', commitment: 9, visibility: 'summary', revisited: false,
      actionDueAt: new Date(Date.now() + 86_400_000),
    });
    const before = h.emu.ephemerals(TEAM, LEADER).length;
    await click(h, { userId: LEADER, actionId: 'followup_done', value: encodeNudgeValue({ nudgeId: f.nudgeId, actionId: other.actionId }), message: f.message });
    const notice = await waitFor(() => h.emu.ephemerals(TEAM, LEADER)[before]);
    expect(notice.text).toContain('not something you can do');
    const [action] = await h.db.db.select().from(actions).where(eq(actions.id, other.actionId));
    expect(action!.status).toBe('open');
  });

  it('answers the leader’s own click but never updates a message location Grow did not record for them', async () => {
    const f = await deliveredFollowUp();
    const forgedAt = { channel: 'D0COACHDM', ts: '1700000000.000200' };
    await click(h, { userId: LEADER, actionId: 'followup_done', value: encodeNudgeValue({ nudgeId: f.nudgeId, actionId: f.actionId }), message: forgedAt });
    await waitFor(async () => (await h.db.db.select().from(actions).where(eq(actions.id, f.actionId)))[0]!.status === 'done');
    // A second click on the real message: its update comes after the first click's last step.
    await click(h, { userId: LEADER, actionId: 'followup_done', value: encodeNudgeValue({ nudgeId: f.nudgeId, actionId: f.actionId }), message: f.message });
    await waitFor(() => h.emu.callsTo('chat.update').find((c) => c.args.ts === f.message.ts));
    expect(h.emu.callsTo('chat.update').filter((c) => c.args.ts === forgedAt.ts)).toEqual([]);
  });
});
