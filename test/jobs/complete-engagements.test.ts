// The reconcile pass completes an engagement that is over by itself: the last session
// not cancelled has ended, and the closing review is done or two weeks overdue. A
// completed engagement has nothing pending, and leaves the coach's digests and roster.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCoachDigests } from '../../db/coach-plan-sync.js';
import { listEngagementsOf } from '../../db/engagements.js';
import { engagements, nudges, sessions, targets } from '../../db/schema/index.js';
import { completeEngagements } from '../../jobs/complete-engagements.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0COMPLETE';
const DAY = 86_400_000;
const now = new Date();
let t: TestDatabase;
let leaders = 0;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

/** Six fortnightly sessions, the last `lastDaysAgo` days ago (negative: still ahead). */
async function seed(opts: { coachId: string; lastDaysAgo: number; ratings: (number | null)[]; cancelLast?: boolean }) {
  const last = now.getTime() - opts.lastDaysAgo * DAY;
  const [e] = await t.db
    .insert(engagements)
    .values({ teamId: TEAM, coachId: opts.coachId, leaderId: `U0LEADCMP${++leaders}`, status: 'active', startDate: '2026-01-05', sessionCount: 6, cadenceDays: 14 })
    .returning();
  await t.db.insert(sessions).values(
    Array.from({ length: 6 }, (_, i) => ({
      teamId: TEAM,
      engagementId: e!.id,
      seq: i + 1,
      scheduledAt: new Date(last - (5 - i) * 14 * DAY),
      status: opts.cancelLast && i === 5 ? ('cancelled' as const) : ('scheduled' as const),
    })),
  );
  if (opts.ratings.length > 0) {
    await t.db.insert(targets).values(opts.ratings.map((closingRating, i) => ({ teamId: TEAM, engagementId: e!.id, position: i + 1, descriptionEnc: 'sealed', baseline: 4, closingRating })));
  }
  // Something still planned for it: a follow-up due tomorrow.
  await t.db.insert(nudges).values({ teamId: TEAM, recipientId: e!.leaderId, engagementId: e!.id, kind: 'follow_up', dedupeKey: `${e!.id}:follow_up:x`, dueAt: new Date(now.getTime() + DAY) });
  return e!;
}

const statusOf = async (id: string) => (await t.db.select({ status: engagements.status }).from(engagements).where(eq(engagements.id, id)))[0]!.status;
const pendingOf = (id: string) => t.db.select().from(nudges).where(and(eq(nudges.engagementId, id), eq(nudges.status, 'pending')));

describe('completeEngagements', () => {
  it('completes an engagement whose closing review is done, and cancels what was pending', async () => {
    const done = await seed({ coachId: 'U0COACHCM1', lastDaysAgo: 1, ratings: [7, 8] });
    expect(await completeEngagements({ db: t.db }, now)).toEqual([done.id]);
    expect(await statusOf(done.id)).toBe('completed');
    expect(await pendingOf(done.id)).toHaveLength(0);
    const [row] = await t.db.select().from(engagements).where(eq(engagements.id, done.id));
    expect(row!.endedAt).not.toBeNull();
    // A second pass finds nothing more to do.
    expect(await completeEngagements({ db: t.db }, now)).toEqual([]);
  });

  it('leaves an engagement running while a session is ahead, or while the closing review is under two weeks late', async () => {
    const ahead = await seed({ coachId: 'U0COACHCM2', lastDaysAgo: -3, ratings: [7] });
    const late = await seed({ coachId: 'U0COACHCM2', lastDaysAgo: 10, ratings: [7, null] });
    expect(await completeEngagements({ db: t.db }, now)).toEqual([]);
    expect(await statusOf(ahead.id)).toBe('active');
    expect(await statusOf(late.id)).toBe('active');
    expect(await pendingOf(late.id)).toHaveLength(1);
  });

  it('completes an engagement whose closing review is two weeks overdue, targets set or not', async () => {
    const overdue = await seed({ coachId: 'U0COACHCM3', lastDaysAgo: 15, ratings: [null] });
    const neverContracted = await seed({ coachId: 'U0COACHCM3', lastDaysAgo: 15, ratings: [] });
    expect((await completeEngagements({ db: t.db }, now)).sort()).toEqual([overdue.id, neverContracted.id].sort());
  });

  it('counts the last session not cancelled as the last one', async () => {
    // The sixth session was cancelled; the fifth, two weeks before it, was the last.
    const e = await seed({ coachId: 'U0COACHCM4', lastDaysAgo: -1, ratings: [8], cancelLast: true });
    expect(await completeEngagements({ db: t.db }, now)).toEqual([e.id]);
  });

  it('takes a completed engagement out of the coach’s roster and digests', async () => {
    const e = await seed({ coachId: 'U0COACHCM5', lastDaysAgo: 2, ratings: [6] });
    expect(await listEngagementsOf(t.db, TEAM, 'U0COACHCM5', ['invited', 'active'], 'coach')).toHaveLength(1);
    await completeEngagements({ db: t.db }, now);
    expect(await listEngagementsOf(t.db, TEAM, 'U0COACHCM5', ['invited', 'active'], 'coach')).toHaveLength(0);
    await planCoachDigests(t.db, { teamId: TEAM, now });
    const digests = await t.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.recipientId, 'U0COACHCM5'), eq(nudges.kind, 'digest')));
    expect(digests).toHaveLength(0);
    expect(await statusOf(e.id)).toBe('completed');
  });
});
