// A leader with two coaches files each check-in under the engagement they pick; the pick
// is checked against their own active engagements and becomes the default next time.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEngagementContext } from '../../db/engagement-context.js';
import { actions, checkIns, engagements, nudges, people } from '../../db/schema/index.js';
import { submitCheckIn } from '../../src/services/check-in.js';
import { COACH, LEADER, TEAM, seedEngagement, startEngagementHarness, type EngagementHarness } from '../slack/engagement-support.js';

const SECOND_COACH = 'U0COACH002';
const OTHER_LEADER = 'U0LEADER02';
const day = 86_400_000;
const values = (engagementId?: string) => ({
  goal: 'Say no to scope creep',
  reality: 'I agree too fast',
  options: 'Pause; ask for a day',
  will: 'Answer "let me check" twice this week',
  commitment: '9',
  visibility: 'summary',
  ...(engagementId ? { engagementId } : {}),
});

let h: EngagementHarness;
let first: string;
let second: string;
let othersEngagement: string;
let ended: string;
beforeAll(async () => {
  h = await startEngagementHarness();
  await h.db.db.insert(people).values({ teamId: TEAM, userId: LEADER, tz: 'Europe/Paris', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 });
  const firstAt = new Date(Date.now() + 3 * day);
  first = (await seedEngagement(h, { status: 'active', firstAt })).engagement.id;
  second = (await seedEngagement(h, { status: 'active', firstAt, coachId: SECOND_COACH })).engagement.id;
  othersEngagement = (await seedEngagement(h, { status: 'active', firstAt, leaderId: OTHER_LEADER })).engagement.id;
  const [gone] = await h.db.db.insert(engagements).values({ teamId: TEAM, coachId: 'U0COACH003', leaderId: LEADER, status: 'ended', startDate: '2026-01-05', sessionCount: 6, cadenceDays: 14 }).returning();
  ended = gone!.id;
});
afterAll(async () => h?.close());

async function checkInCount() {
  return (await h.db.db.select().from(checkIns).where(and(eq(checkIns.teamId, TEAM), eq(checkIns.leaderId, LEADER)))).length;
}

describe('a check-in with two coaches', () => {
  it('defaults to the first engagement while the leader has picked none', async () => {
    const context = await findEngagementContext(h.db.db, h.cipher, TEAM, LEADER, new Date());
    expect(context).toMatchObject({ engagementId: first, coachId: COACH, active: [{ id: first, coachId: COACH }, { id: second, coachId: SECOND_COACH }] });
  });

  it('belongs, with its follow-up, to the engagement the leader picked, and that pick is the default next time', async () => {
    const result = await submitCheckIn(h.deps, { teamId: TEAM, leaderId: LEADER, values: values(second), revisited: false });
    expect(result.outcome).toBe('saved');
    const saved = result as Extract<typeof result, { outcome: 'saved' }>;
    const [row] = await h.db.db.select().from(checkIns).where(eq(checkIns.id, saved.checkInId));
    expect(row!.engagementId).toBe(second);
    expect(h.replans).toContain(second);
    expect(h.replans).not.toContain(first);
    const followUps = await h.db.db.select().from(nudges).where(and(eq(nudges.kind, 'follow_up'), eq(nudges.status, 'pending')));
    const ours = followUps.filter((n) => n.ref.actionId === saved.actionId);
    expect(ours).toHaveLength(1);
    expect(ours[0]!.engagementId).toBe(second);
    expect(saved.followUpAt).toEqual(ours[0]!.dueAt);

    const next = await findEngagementContext(h.db.db, h.cipher, TEAM, LEADER, new Date());
    expect(next?.engagementId).toBe(second);
    expect(next?.coachId).toBe(SECOND_COACH);
    // Without a pick (the modal had no select yet), the default is the one picked last.
    const unpicked = await submitCheckIn(h.deps, { teamId: TEAM, leaderId: LEADER, values: values(), revisited: false });
    const [again] = await h.db.db.select().from(checkIns).where(eq(checkIns.id, (unpicked as { checkInId: string }).checkInId));
    expect(again!.engagementId).toBe(second);
  });

  it.each([
    ['another leader’s engagement', () => othersEngagement],
    ['an ended engagement of the leader', () => ended],
    ['an id that exists nowhere', () => '00000000-0000-4000-8000-000000000000'],
    ['something that is not an id', () => 'not-an-engagement'],
  ])('refuses %s on the field, and stores nothing', async (_, forged) => {
    const before = await checkInCount();
    const openActions = await h.db.db.select().from(actions).where(and(eq(actions.leaderId, LEADER), eq(actions.status, 'open')));
    const result = await submitCheckIn(h.deps, { teamId: TEAM, leaderId: LEADER, values: values(forged()), revisited: false });
    expect(result).toEqual({ outcome: 'invalid', errors: { engagementId: expect.stringMatching(/not one of your active ones/) } });
    expect(await checkInCount()).toBe(before);
    expect(await h.db.db.select().from(actions).where(and(eq(actions.leaderId, LEADER), eq(actions.status, 'open')))).toEqual(openActions);
    const [person] = await h.db.db.select().from(people).where(and(eq(people.teamId, TEAM), eq(people.userId, LEADER)));
    expect(person!.lastEngagementId).toBe(second);
  });

  it('refuses the leader’s own engagement id when it is submitted in another workspace', async () => {
    const result = await submitCheckIn(h.deps, { teamId: 'T0OTHER001', leaderId: LEADER, values: values(first), revisited: false });
    expect(result).toMatchObject({ outcome: 'invalid', errors: { engagementId: expect.any(String) } });
    expect(await h.db.db.select().from(checkIns).where(eq(checkIns.teamId, 'T0OTHER001'))).toEqual([]);
  });
});
