// "Make this my next action": the leader's "what will you try next?" becomes their next
// action through the check-in service, superseding the action reflected on, with its
// follow-up planned like any check-in's; anyone else's click, or a second one, changes nothing.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { insertCheckIn } from '../../db/check-ins.js';
import { insertReflection } from '../../db/reflections.js';
import { upsertPersonTz } from '../../db/people.js';
import { rowSeal } from '../../db/sealed.js';
import { actions, checkIns, nudges } from '../../db/schema/index.js';
import { LOW_COMMITMENT, openNextAction, saveNextAction } from '../../src/services/next-action.js';
import { LEADER, TEAM, seedEngagement, startEngagementHarness, type EngagementHarness } from '../slack/engagement-support.js';

const day = 86_400_000;
const NUDGE = '00000000-0000-4000-8000-0000000000aa';
let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, check_ins, actions, nudges, people, reflections cascade`);
  await upsertPersonTz(h.db.db, TEAM, LEADER, 'Europe/Paris', new Date());
});

async function reflected(tryNext?: string) {
  const firstAt = new Date(Date.now() + 5 * day);
  const { engagement } = await seedEngagement(h, { status: 'active', firstAt });
  const saved = await insertCheckIn(h.db.db, h.cipher, {
    teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, goal: 'Calmer 1:1s', reality: 'I talk most', options: 'Ask first',
    will: 'Open each 1:1 with a question', commitment: 9, visibility: 'shared', revisited: false, actionDueAt: new Date(Date.now() + 3 * day),
  });
  await insertReflection(h.db.db, h.cipher, {
    teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, actionId: saved.actionId, kind: 'follow_up', visibility: 'private',
    body: { happened: 'Asked first twice', ...(tryNext ? { try_next: tryNext } : {}) },
  });
  await h.deps.replan!(TEAM, engagement.id);
  return { firstAt, engagementId: engagement.id, actionId: saved.actionId, click: { teamId: TEAM, userId: LEADER, nudgeId: NUDGE, actionId: saved.actionId } };
}

const actionsOf = () => h.db.db.select().from(actions).where(and(eq(actions.teamId, TEAM), eq(actions.leaderId, LEADER)));

describe('make this my next action', () => {
  it('offers the try-next text and the visibility of the check-in it follows', async () => {
    const r = await reflected('Ask each person directly');
    expect(await openNextAction(h.deps, r.click)).toEqual({ outcome: 'open', tryNext: 'Ask each person directly', previousText: 'Open each 1:1 with a question', visibility: 'shared' });
  });

  it('saves a check-in with the same goal and engagement, closes the previous action and plans the follow-up', async () => {
    const r = await reflected('Ask each person directly');
    const before = await h.db.db.select().from(nudges).where(and(eq(nudges.kind, 'follow_up'), eq(nudges.status, 'pending')));
    expect(before.filter((n) => n.ref.actionId === r.actionId)).toHaveLength(1);
    const due = new Date(Date.now() + 2 * day).toISOString().slice(0, 10);
    const result = await saveNextAction(h.deps, { ...r.click, values: { will: 'Ask each person directly, in our 1:1', will_due: due, commitment: '9', visibility: 'summary' } });
    expect(result).toMatchObject({ outcome: 'saved', will: 'Ask each person directly, in our 1:1', visibility: 'summary', previousText: 'Open each 1:1 with a question' });
    const all = await actionsOf();
    expect(all.find((a) => a.id === r.actionId)!.status).toBe('dropped');
    const next = all.find((a) => a.id !== r.actionId)!;
    expect(next.status).toBe('open');
    expect(next.engagementId).toBe(r.engagementId);
    expect(rowSeal(h.cipher, 'actions', next).open('text_enc', next.textEnc)).toBe('Ask each person directly, in our 1:1');
    const [checkIn] = await h.db.db.select().from(checkIns).where(eq(checkIns.id, next.checkInId));
    expect(rowSeal(h.cipher, 'check_ins', checkIn!).open('goal_enc', checkIn!.goalEnc)).toBe('Calmer 1:1s');
    expect(checkIn).toMatchObject({ visibility: 'summary', commitment: 9, engagementId: r.engagementId });
    // The follow-up is the check-in's own, planned for the new action.
    expect(h.replans).toContain(r.engagementId);
    const followUps = (await h.db.db.select().from(nudges).where(and(eq(nudges.kind, 'follow_up'), eq(nudges.status, 'pending')))).filter((n) => n.ref.actionId === next.id);
    expect(followUps).toHaveLength(1);
    expect(result.outcome === 'saved' && result.followUpAt).toEqual(followUps[0]!.dueAt);
    expect(result.outcome === 'saved' && result.dueAt.toISOString()).toBe(next.dueAt.toISOString());
    // Nothing still waits to ask about the action it replaced.
    const pending = await h.db.db.select().from(nudges).where(eq(nudges.status, 'pending'));
    expect(pending.filter((n) => n.ref.actionId === r.actionId)).toEqual([]);
  });

  it('defaults the due date to before the next session', async () => {
    const r = await reflected('Ask each person directly');
    const result = await saveNextAction(h.deps, { ...r.click, values: { will: 'Ask each person directly', commitment: '8', visibility: 'private' } });
    expect(result.outcome).toBe('saved');
    const next = (await actionsOf()).find((a) => a.id !== r.actionId)!;
    expect(next.dueAt.getTime()).toBe(r.firstAt.getTime());
  });

  it('a second click finds the next action already there and changes nothing', async () => {
    const r = await reflected('Ask each person directly');
    await saveNextAction(h.deps, { ...r.click, values: { will: 'Ask each person directly', commitment: '9', visibility: 'summary' } });
    const again = await saveNextAction(h.deps, { ...r.click, values: { will: 'Ask each person directly', commitment: '9', visibility: 'summary' } });
    expect(again).toMatchObject({ outcome: 'stale', reason: 'newer_action' });
    expect(await actionsOf()).toHaveLength(2);
    expect(await openNextAction(h.deps, r.click)).toMatchObject({ outcome: 'stale', reason: 'newer_action' });
  });

  it('refuses someone else’s click, and a reflection without a try-next is no offer', async () => {
    const r = await reflected();
    expect(await openNextAction(h.deps, { ...r.click, userId: 'U0SOMEONE' })).toEqual({ outcome: 'refused' });
    expect(await saveNextAction(h.deps, { ...r.click, userId: 'U0SOMEONE', values: { will: 'x', commitment: '9' } })).toEqual({ outcome: 'refused' });
    expect(await openNextAction(h.deps, r.click)).toMatchObject({ outcome: 'stale', reason: 'no_try_next' });
    expect(await actionsOf()).toHaveLength(1);
  });

  it('keeps the modal open with field errors: empty action, past date, low commitment', async () => {
    const r = await reflected('Ask each person directly');
    expect(await saveNextAction(h.deps, { ...r.click, values: { will: ' ', commitment: '9' } })).toMatchObject({ outcome: 'invalid', errors: { will: expect.any(String) } });
    expect(await saveNextAction(h.deps, { ...r.click, values: { will: 'Ask', will_due: '2020-01-01', commitment: '9' } })).toMatchObject({ outcome: 'invalid', errors: { will_due: expect.any(String) } });
    expect(await saveNextAction(h.deps, { ...r.click, values: { will: 'Ask', commitment: '5' } })).toEqual({ outcome: 'invalid', errors: { commitment: LOW_COMMITMENT } });
    expect(await actionsOf()).toHaveLength(1);
    expect((await actionsOf())[0]!.status).toBe('open');
  });
});
