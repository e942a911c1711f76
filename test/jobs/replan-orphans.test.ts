// An active engagement with nothing pending (its re-plan lost to a crash or shutdown after
// the status changed) is planned again by the reconcile pass.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, nudges, sessions } from '../../db/schema/index.js';
import { replanOrphans } from '../../jobs/replan-orphans.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0ORPHAN01';
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

async function seed(status: 'active' | 'invited', leaderId: string) {
  const first = new Date(Date.now() + 3 * 86_400_000);
  const [e] = await t.db
    .insert(engagements)
    .values({ teamId: TEAM, coachId: 'U0COACHORP', leaderId, status, startDate: first.toISOString().slice(0, 10), sessionCount: 6, cadenceDays: 14 })
    .returning();
  await t.db.insert(sessions).values(Array.from({ length: 6 }, (_, i) => ({ teamId: TEAM, engagementId: e!.id, seq: i + 1, scheduledAt: new Date(first.getTime() + i * 14 * 86_400_000) })));
  return e!;
}

describe('replanOrphans', () => {
  it('plans an active engagement that has nothing pending, and only that one', async () => {
    const orphan = await seed('active', 'U0LEADORP1');
    const invited = await seed('invited', 'U0LEADORP2');
    const pending = (id: string) => t.db.select().from(nudges).where(and(eq(nudges.engagementId, id), eq(nudges.status, 'pending')));
    expect(await pending(orphan.id)).toHaveLength(0);
    expect(await replanOrphans({ db: t.db }, new Date())).toBe(1);
    expect((await pending(orphan.id)).length).toBeGreaterThan(0);
    expect(await pending(invited.id)).toHaveLength(0);
    // Once planned it is no orphan: a second pass changes nothing.
    expect(await replanOrphans({ db: t.db }, new Date())).toBe(0);
  });
});
