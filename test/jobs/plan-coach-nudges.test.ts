// The coach planner is one of the worker's queues: with coach planning on, the worker
// plans coaches' digests as it starts and again on demand without duplicating; with it
// off, nothing is planned.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, nudges } from '../../db/schema/index.js';
import { jobNames } from '../../jobs/job-types.js';
import { planCoachNudges } from '../../jobs/plan-coach-nudges.js';
import { COACH, startDeliveryFixture, TEAM, waitFor, type DeliveryFixture } from './support/delivery-fixture.js';

let f: DeliveryFixture;
const digests = () => f.db.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.kind, 'digest')));

beforeAll(async () => {
  f = await startDeliveryFixture();
  await f.db.db.insert(engagements).values({ teamId: TEAM, coachId: COACH, leaderId: 'U0LEADSCH1', status: 'active', startDate: '2026-02-02' });
});
afterAll(async () => {
  await f?.close();
});

describe('coach planning in the worker', () => {
  it('is a queue like the others, listed with them', () => {
    expect(jobNames).toContain('plan-coach-nudges');
  });

  it('plans nothing when the worker runs without coach planning', async () => {
    const worker = await f.startWorker({ coachPlanning: false });
    await new Promise((r) => setTimeout(r, 300));
    expect(await f.queues.planCoachNudges.getJobScheduler('plan-coach-nudges')).toBeUndefined();
    await worker.close();
    expect(await digests()).toEqual([]);
  });

  it('plans as the worker starts, and again on demand without duplicating', async () => {
    await f.startWorker({ coachPlanning: true });
    await waitFor(async () => (await digests()).length > 0, 10_000, 'first planned digest');
    const before = (await digests()).length;
    expect(await planCoachNudges(f.db.db, { now: new Date() })).toEqual({ digests: 0, briefs: 0, heldQuestions: 0 });
    expect((await digests()).length).toBe(before);
    expect(new Set((await digests()).map((r) => r.recipientId))).toEqual(new Set([COACH]));
  });

});
