// The operator's settings reach the stored plan: the configured rhythm moves what is
// planned and when, and people Grow meets for the first time start with the configured
// working window (never overwriting one a person already has).
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensurePerson, findPerson, setPausedUntil, upsertPersonTz } from '../../db/people.js';
import { syncEngagementPlan, syncLeaderPlans } from '../../db/plan-sync.js';
import { engagements, nudges, people, sessions } from '../../db/schema/index.js';
import { sessionTimes } from '../../src/domain/planner/index.js';
import { atLocalTime, isWithinWorkingHours } from '../../src/domain/time/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0SETTINGS';
const TZ = 'America/New_York';
const NOW = new Date('2027-02-20T12:00:00Z');
let database: TestDatabase;

/** An active engagement with sessions on Tuesdays at 10:00 New York time. */
async function seedEngagement(leaderId: string, person: Partial<typeof people.$inferInsert> | null = {}) {
  if (person) await database.db.insert(people).values({ teamId: TEAM, userId: leaderId, tz: TZ, ...person });
  const [engagement] = await database.db
    .insert(engagements)
    .values({ teamId: TEAM, coachId: 'U0COACH001', leaderId, status: 'active', startDate: '2027-03-02', sessionCount: 6 })
    .returning();
  const times = sessionTimes(atLocalTime('2027-03-02', '10:00', TZ), 6, 14, TZ);
  await database.db.insert(sessions).values(times.map((scheduledAt, i) => ({ teamId: TEAM, engagementId: engagement!.id, seq: i + 1, scheduledAt })));
  return engagement!.id;
}

const pendingOf = (engagementId: string) => database.db.select().from(nudges).where(eq(nudges.engagementId, engagementId));
const weekdays = (rows: { dueAt: Date }[], tz = TZ) => [...new Set(rows.map((r) => DateTime.fromJSDate(r.dueAt, { zone: tz }).weekday))];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('a plan synced with the configured rhythm', () => {
  it('puts session prep two working days before each Tuesday session (Friday), not one (Monday)', async () => {
    const usual = await seedEngagement('U0PREP0001');
    const configured = await seedEngagement('U0PREP0002');
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId: usual, now: NOW });
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId: configured, now: NOW, rhythm: { prepWorkingDaysBefore: 2 } });
    const preps = async (id: string) => (await pendingOf(id)).filter((r) => r.kind === 'session_prep');
    expect(weekdays(await preps(usual))).toEqual([1]);
    expect(weekdays(await preps(configured))).toEqual([5]);
    expect(await preps(configured)).toHaveLength(6);
  });

  it('keeps check-in prompts for a leader with two unanswered follow-ups when back-off is after three', async () => {
    const usual = await seedEngagement('U0BACK0001', { unansweredFollowUps: 2 });
    const configured = await seedEngagement('U0BACK0002', { unansweredFollowUps: 2 });
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId: usual, now: NOW });
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId: configured, now: NOW, rhythm: { backOffAfterUnanswered: 3 } });
    expect((await pendingOf(usual)).filter((r) => r.kind === 'checkin_prompt')).toHaveLength(0);
    expect((await pendingOf(configured)).filter((r) => r.kind === 'checkin_prompt')).toHaveLength(6);
  });

  it('re-plans every engagement a leader has with the rhythm it is given', async () => {
    const engagementId = await seedEngagement('U0LEADS001');
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    await syncLeaderPlans(database.db, { teamId: TEAM, leaderId: 'U0LEADS001', now: NOW, rhythm: { prepWorkingDaysBefore: 2 } });
    expect(weekdays((await pendingOf(engagementId)).filter((r) => r.kind === 'session_prep'))).toEqual([5]);
  });

  it('plans a leader Grow has no row for inside the configured default window (in UTC)', async () => {
    const engagementId = await seedEngagement('U0NOROW001', null);
    const window = { workDays: [2, 3, 4], startMinute: 13 * 60, endMinute: 15 * 60 };
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW, defaultWorkingHours: window });
    const rows = await pendingOf(engagementId);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => isWithinWorkingHours(r.dueAt, { tz: 'UTC', ...window }))).toBe(true);
  });
});

describe('new people', () => {
  const window = { workDays: [2, 3, 4, 5, 6], startMinute: 7 * 60, endMinute: 15 * 60 };
  const columns = { workDays: [2, 3, 4, 5, 6], workStartMinute: 420, workEndMinute: 900 };

  it('start with the configured window, whichever way Grow first records them', async () => {
    await upsertPersonTz(database.db, TEAM, 'U0NEW00001', 'Europe/Oslo', NOW, window);
    await ensurePerson(database.db, TEAM, 'U0NEW00002', window);
    await setPausedUntil(database.db, TEAM, 'U0NEW00003', NOW, window);
    for (const userId of ['U0NEW00001', 'U0NEW00002', 'U0NEW00003']) {
      expect(await findPerson(database.db, TEAM, userId), userId).toMatchObject(columns);
    }
  });

  it('keep the window they already have when Grow records them again', async () => {
    await database.db.insert(people).values({ teamId: TEAM, userId: 'U0OLD00001', workDays: [1], workStartMinute: 600, workEndMinute: 660 });
    await upsertPersonTz(database.db, TEAM, 'U0OLD00001', 'Asia/Tokyo', NOW, window);
    await setPausedUntil(database.db, TEAM, 'U0OLD00001', null, window);
    await ensurePerson(database.db, TEAM, 'U0OLD00001', window);
    expect(await findPerson(database.db, TEAM, 'U0OLD00001')).toMatchObject({ tz: 'Asia/Tokyo', workDays: [1], workStartMinute: 600, workEndMinute: 660 });
  });
});
