// "Make this my next action", clicked as Slack sends it: a reflection that says what the
// leader will try next offers the button; the modal is prefilled with those words and the
// check-in's visibility; saving makes it the next action (the old one closed, its DM
// buttons out of date) and the DM says when Grow will ask. Others' clicks are refused.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCheckIn } from '../../db/check-ins.js';
import { upsertPersonTz } from '../../db/people.js';
import { rowSeal } from '../../db/sealed.js';
import { actions, nudges } from '../../db/schema/index.js';
import { encodeNudgeValue } from '../../src/slack/nudge-button-value.js';
import {
  actionIdsIn, click, deliverNudge, LEADER, messageBlocks, openedView, pendingNudges, seedEngagement, startEngagementHarness, submit, TEAM, waitFor,
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

async function deliveredFollowUp() {
  const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 6 * 86_400_000) });
  const saved = await insertCheckIn(h.db.db, h.cipher, {
    teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'Calmer 1:1s', reality: 'I talk most', options: 'Ask first',
    will: 'Open each 1:1 with a question', commitment: 9, visibility: 'private', revisited: false, actionDueAt: new Date(Date.now() + 3 * 86_400_000),
  });
  await h.deps.replan!(TEAM, engagement.id);
  const followUp = (await pendingNudges(h, engagement.id)).find((n) => n.kind === 'follow_up')!;
  expect(await deliverNudge(h, followUp.id)).toBe('sent');
  const [sent] = await h.db.db.select().from(nudges).where(eq(nudges.id, followUp.id));
  const message = { channel: sent!.channelId!, ts: sent!.messageTs! };
  return { engagement, actionId: saved.actionId, message, value: encodeNudgeValue({ nudgeId: followUp.id, actionId: saved.actionId }) };
}

const updatesOf = (ts: string) => h.emu.callsTo('chat.update').filter((c) => c.args.ts === ts && c.ok);

async function reflect(f: Awaited<ReturnType<typeof deliveredFollowUp>>, answers: Record<string, string>) {
  const opens = h.emu.callsTo('views.open').length;
  const updates = updatesOf(f.message.ts).length;
  await click(h, { userId: LEADER, actionId: 'followup_reflect', value: f.value, message: f.message });
  await submit(h, LEADER, await openedView(h, opens), { visibility: 'summary', ...answers });
  return waitFor(() => updatesOf(f.message.ts)[updates]);
}

describe('make this my next action', () => {
  it('turns the try-next answer into the next action, closes the old one and updates the DM', async () => {
    const f = await deliveredFollowUp();
    const reflected = await reflect(f, { happened: 'Asked first twice', try_next: 'Ask each person directly' });
    expect(actionIdsIn(reflected.args.blocks)).toContain('followup_next_action');
    expect(actionIdsIn(messageBlocks(h, f.message))).toContain('followup_next_action');

    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'followup_next_action', value: f.value, message: f.message });
    const view = await openedView(h, opens);
    expect(view.callback_id).toBe('followup_next_action_submit');
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('"initial_value":"Ask each person directly"');
    expect(json).toContain('"initial_option":{"text":{"type":"plain_text","text":"Only me","emoji":true},"value":"private"}');

    const updates = updatesOf(f.message.ts).length;
    const { body } = await submit(h, LEADER, view, { will: 'Ask each person directly in our 1:1', commitment: '9', visibility: 'private' });
    expect(body).toBeUndefined();
    const all = await h.db.db.select().from(actions).where(and(eq(actions.teamId, TEAM), eq(actions.leaderId, LEADER)));
    expect(all.find((a) => a.id === f.actionId)!.status).toBe('dropped');
    const next = all.find((a) => a.id !== f.actionId)!;
    expect(next.status).toBe('open');
    expect(rowSeal(h.cipher, 'actions', next).open('text_enc', next.textEnc)).toBe('Ask each person directly in our 1:1');
    const followUp = (await pendingNudges(h, f.engagement.id)).find((n) => n.kind === 'follow_up' && n.ref.actionId === next.id);
    expect(followUp).toBeDefined();

    const update = await waitFor(() => updatesOf(f.message.ts)[updates]);
    const shown = JSON.stringify(update.args.blocks);
    expect(shown).toContain('Your next action');
    expect(shown).toContain('Ask each person directly in our 1:1');
    expect(shown).toContain("I'll ask how it went on");
    expect(update.args.text).toBe('Grow: your next action is saved.');
    expect(actionIdsIn(update.args.blocks)).toEqual([]);

    // The old DM's answer buttons no longer change anything.
    await click(h, { userId: LEADER, actionId: 'followup_done', value: f.value, message: f.message });
    const stale = await waitFor(() => updatesOf(f.message.ts)[updates + 1]);
    expect(JSON.stringify(stale.args.blocks)).toContain('newer action');
    expect((await h.db.db.select().from(actions).where(eq(actions.id, f.actionId)))[0]!.status).toBe('dropped');
  });

  it('is offered on an answered follow-up too, next to Reflect…', async () => {
    const f = await deliveredFollowUp();
    await click(h, { userId: LEADER, actionId: 'followup_partly', value: f.value, message: f.message });
    await waitFor(() => updatesOf(f.message.ts)[0]);
    const reflected = await reflect(f, { learned: 'They wait for me', try_next: 'Stay silent for ten seconds' });
    expect(actionIdsIn(reflected.args.blocks)).toEqual(['followup_reflect', 'followup_next_action']);
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'followup_next_action', value: f.value, message: f.message });
    expect(JSON.stringify((await openedView(h, opens)).blocks)).toContain('"initial_value":"Stay silent for ten seconds"');
  });

  it('stays on offer when the leader answers after reflecting', async () => {
    const f = await deliveredFollowUp();
    await reflect(f, { try_next: 'Ask each person directly' });
    const updates = updatesOf(f.message.ts).length;
    await click(h, { userId: LEADER, actionId: 'followup_done', value: f.value, message: f.message });
    const done = await waitFor(() => updatesOf(f.message.ts)[updates]);
    expect(JSON.stringify(done.args.blocks)).toContain('Done');
    expect(actionIdsIn(done.args.blocks)).toEqual(['followup_reflect', 'followup_next_action']);
  });

  it('offers no button when the reflection says nothing about what to try next', async () => {
    const f = await deliveredFollowUp();
    const reflected = await reflect(f, { happened: 'Asked first twice' });
    expect(actionIdsIn(reflected.args.blocks)).not.toContain('followup_next_action');
    await click(h, { userId: LEADER, actionId: 'followup_partly', value: f.value, message: f.message });
    const partly = await waitFor(() => updatesOf(f.message.ts)[1]);
    expect(actionIdsIn(partly.args.blocks)).toEqual(['followup_reflect']);
  });

  it('keeps the modal open with the error on the field, and saves nothing', async () => {
    const f = await deliveredFollowUp();
    await reflect(f, { try_next: 'Ask each person directly' });
    const opens = h.emu.callsTo('views.open').length;
    await click(h, { userId: LEADER, actionId: 'followup_next_action', value: f.value, message: f.message });
    const { body } = await submit(h, LEADER, await openedView(h, opens), { will: 'Ask', commitment: '4', visibility: 'summary' });
    expect(body).toMatchObject({ response_action: 'errors', errors: { commitment: expect.stringContaining('Below 8') } });
    expect(await h.db.db.select().from(actions)).toHaveLength(1);
  });

  it('refuses the button to anyone but the leader, privately, and opens nothing', async () => {
    const f = await deliveredFollowUp();
    await reflect(f, { try_next: 'Ask each person directly' });
    const opens = h.emu.callsTo('views.open').length;
    const ephemerals = h.emu.callsTo('chat.postEphemeral').length;
    await click(h, { userId: 'U0STRANGER', actionId: 'followup_next_action', value: f.value, message: f.message });
    await waitFor(() => h.emu.callsTo('chat.postEphemeral')[ephemerals]);
    expect(h.emu.callsTo('views.open')).toHaveLength(opens);
    expect(await h.db.db.select().from(actions)).toHaveLength(1);
  });
});
