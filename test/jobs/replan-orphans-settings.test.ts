// The worker's reconcile pass re-plans orphaned engagements with the operator's working
// window (WORK_HOURS, WORK_DAYS), not the planner's built-in 09:00-17:30.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, nudges, sessions } from '../../db/schema/index.js';
import { startDeliveryFixture, TEAM, type DeliveryFixture } from './support/delivery-fixture.js';

const LEADER = 'U0LEADWIN1';
let f: DeliveryFixture;
beforeAll(async () => {
  f = await startDeliveryFixture();
});
afterAll(async () => f?.close());

describe('orphan re-plan settings', () => {
  it('places the re-planned nudges inside the configured working window', async () => {
    const first = new Date(Date.now() + 3 * 86_400_000);
    const [e] = await f.db.db
      .insert(engagements)
      .values({ teamId: TEAM, coachId: 'U0COACHWIN', leaderId: LEADER, status: 'active', startDate: first.toISOString().slice(0, 10), sessionCount: 6, cadenceDays: 14 })
      .returning();
    await f.db.db.insert(sessions).values(Array.from({ length: 6 }, (_, i) => ({ teamId: TEAM, engagementId: e!.id, seq: i + 1, scheduledAt: new Date(first.getTime() + i * 14 * 86_400_000) })));
    // A one-hour window every day, far from the built-in one.
    const config = { ...f.config, defaultWorkingHours: { workDays: [1, 2, 3, 4, 5, 6, 7], startMinute: 20 * 60, endMinute: 21 * 60 } };
    const worker = await f.startWorker({ config });
    await worker.reconcileNow();
    const planned = await f.db.db.select().from(nudges).where(and(eq(nudges.engagementId, e!.id), eq(nudges.recipientId, LEADER), eq(nudges.status, 'pending')));
    expect(planned.length).toBeGreaterThan(0);
    for (const n of planned) expect(n.dueAt.getUTCHours(), `${n.kind} at ${n.dueAt.toISOString()}`).toBe(20);
  });
});
