// Plan sync applies the planner to the `nudges` table: idempotent inserts by dedupe key,
// moves and cancellations only of pending rows, and nothing that was sent is touched.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { engagements, nudges, people, sessions } from '../../db/schema/index.js';
import { isWithinWorkingHours, atLocalTime } from '../../src/domain/time/index.js';
import { sessionTimes } from '../../src/domain/planner/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0PLANSYNC';
const TZ = 'America/New_York';
let database: TestDatabase;

async function seedEngagement(leaderId: string, status: 'invited' | 'active' = 'active') {
  await database.db.insert(people).values({ teamId: TEAM, userId: leaderId, tz: TZ });
  const [engagement] = await database.db
    .insert(engagements)
    .values({ teamId: TEAM, coachId: 'U0COACH001', leaderId, status, startDate: '2027-03-01', sessionCount: 6 })
    .returning();
  const times = sessionTimes(atLocalTime('2027-03-02', '10:00', TZ), 6, 14, TZ);
  await database.db.insert(sessions).values(times.map((scheduledAt, i) => ({ teamId: TEAM, engagementId: engagement!.id, seq: i + 1, scheduledAt })));
  return engagement!.id;
}

const rowsOf = (engagementId: string) => database.db.select().from(nudges).where(eq(nudges.engagementId, engagementId));
const NOW = new Date('2027-02-20T12:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe('syncEngagementPlan', () => {
  it('inserts the plan once; a second sync changes nothing', async () => {
    const engagementId = await seedEngagement('U0LEAD0001');
    const first = await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    expect(first.inserted).toBeGreaterThan(0);
    const rows = await rowsOf(engagementId);
    expect(rows).toHaveLength(first.inserted);
    expect(rows.every((r) => r.status === 'pending' && r.recipientId === 'U0LEAD0001')).toBe(true);
    const hours = { tz: TZ, workDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1050 };
    expect(rows.every((r) => isWithinWorkingHours(r.dueAt, hours))).toBe(true);
    expect(await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW })).toEqual({ inserted: 0, rescheduled: 0, cancelled: 0, restored: 0 });
  });

  it('a rescheduled session moves pending nudges; a sent one stays as it was', async () => {
    const engagementId = await seedEngagement('U0LEAD0002');
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    const [session2] = await database.db.select().from(sessions).where(and(eq(sessions.engagementId, engagementId), eq(sessions.seq, 2)));
    const [session3] = await database.db.select().from(sessions).where(and(eq(sessions.engagementId, engagementId), eq(sessions.seq, 3)));
    const before = await rowsOf(engagementId);
    const prep2 = before.find((r) => r.kind === 'session_prep' && r.sessionId === session2!.id)!;
    const prep3 = before.find((r) => r.kind === 'session_prep' && r.sessionId === session3!.id)!;
    await database.db.update(nudges).set({ status: 'sent', sentAt: NOW }).where(eq(nudges.id, prep2.id));

    for (const s of [session2!, session3!]) {
      await database.db.update(sessions).set({ scheduledAt: new Date(s.scheduledAt.getTime() + 2 * 86_400_000) }).where(eq(sessions.id, s.id));
    }
    const result = await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    expect(result.rescheduled).toBeGreaterThan(0);
    const after = await rowsOf(engagementId);
    expect(after.find((r) => r.id === prep2.id)).toMatchObject({ status: 'sent', dueAt: prep2.dueAt });
    const moved = after.find((r) => r.id === prep3.id)!;
    expect(moved.status).toBe('pending');
    expect(moved.dueAt.getTime()).toBeGreaterThan(prep3.dueAt.getTime());
    expect(after).toHaveLength(before.length);
  });

  it('ending the engagement cancels what is pending and keeps what was sent', async () => {
    const engagementId = await seedEngagement('U0LEAD0003');
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    const [first] = await rowsOf(engagementId);
    await database.db.update(nudges).set({ status: 'sent' }).where(eq(nudges.id, first!.id));
    await database.db.update(engagements).set({ status: 'ended' }).where(eq(engagements.id, engagementId));
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    const rows = await rowsOf(engagementId);
    expect(rows.filter((r) => r.status === 'sent').map((r) => r.id)).toEqual([first!.id]);
    expect(rows.filter((r) => r.id !== first!.id).every((r) => r.status === 'cancelled' && r.reason === 'replanned')).toBe(true);
  });

  it('an invited engagement plans only its invitation, which acceptance then cancels if unsent', async () => {
    const engagementId = await seedEngagement('U0LEAD0004', 'invited');
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    expect((await rowsOf(engagementId)).map((r) => [r.kind, r.status])).toEqual([['invitation', 'pending']]);
    await database.db.update(engagements).set({ status: 'active' }).where(eq(engagements.id, engagementId));
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    const rows = await rowsOf(engagementId);
    expect(rows.find((r) => r.kind === 'invitation')?.status).toBe('cancelled');
    expect(rows.filter((r) => r.status === 'pending').length).toBeGreaterThan(0);
  });

  it('leaves rows of kinds it does not plan alone', async () => {
    const engagementId = await seedEngagement('U0LEAD0005');
    const [digest] = await database.db
      .insert(nudges)
      .values({ teamId: TEAM, recipientId: 'U0COACH001', engagementId, kind: 'digest', dedupeKey: 'digest:2027-W09', dueAt: NOW })
      .returning();
    await database.db.update(engagements).set({ status: 'ended' }).where(eq(engagements.id, engagementId));
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    const [stored] = await database.db.select().from(nudges).where(eq(nudges.id, digest!.id));
    expect(stored?.status).toBe('pending');
  });

  it('a once-only review that moves to another session after a cancellation follows that session', async () => {
    const engagementId = await seedEngagement('U0LEAD0009');
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    const midpoint = async () => (await rowsOf(engagementId)).find((r) => r.kind === 'midpoint_review')!;
    const [session3] = await database.db.select().from(sessions).where(and(eq(sessions.engagementId, engagementId), eq(sessions.seq, 3)));
    const before = await midpoint();
    expect(before.sessionId).toBe(session3!.id);
    // Cancelling session 2 makes session 4 the third live session of five: ⌈5/2⌉ = 3.
    await database.db.update(sessions).set({ status: 'cancelled' }).where(and(eq(sessions.engagementId, engagementId), eq(sessions.seq, 2)));
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now: NOW });
    const [session4] = await database.db.select().from(sessions).where(and(eq(sessions.engagementId, engagementId), eq(sessions.seq, 4)));
    const after = await midpoint();
    expect(after.id).toBe(before.id);
    expect(after.sessionId).toBe(session4!.id);
    expect(after.ref).toMatchObject({ sessionId: session4!.id, seq: 4 });
    expect(after.dueAt.getTime()).toBeGreaterThan(session4!.scheduledAt.getTime());
  });
});
