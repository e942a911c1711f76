// A guarded write changes one row of one workspace, and only while its condition holds:
// a stale click (the session already held, the round already shared) changes nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, sessions } from '../../db/schema/index.js';
import { closeSession, rescheduleSession } from '../../db/sessions.js';
import { updateRowIf } from '../../db/update-row.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T1';
const at = (iso: string) => new Date(iso);
let t: TestDatabase;
let engagementId: string;

async function session(seq: number) {
  const [s] = await t.db.insert(sessions).values({ teamId: TEAM, engagementId, seq, scheduledAt: at('2026-12-01T09:00:00Z') }).returning();
  return s!.id;
}
const sessionRow = async (id: string) => (await t.db.select().from(sessions).where(eq(sessions.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestDatabase();
  const [e] = await t.db.insert(engagements).values({ teamId: TEAM, coachId: 'U0COACH001', leaderId: 'U0LEADER01', status: 'active', startDate: '2026-11-02' }).returning();
  engagementId = e!.id;
});
afterAll(async () => t?.drop());

describe('a guarded write to one row', () => {
  it('changes the row while its condition holds, and says so', async () => {
    const id = await session(1);
    expect(await updateRowIf(t.db, sessions, { teamId: TEAM, id }, { scheduledAt: at('2026-12-02T10:00:00Z') }, eq(sessions.status, 'scheduled'))).toBe(true);
    expect((await sessionRow(id)).scheduledAt).toEqual(at('2026-12-02T10:00:00Z'));
  });

  it('changes nothing once the condition no longer holds: a session held is not moved or cancelled', async () => {
    const id = await session(2);
    expect(await closeSession(t.db, TEAM, id, 'held')).toBe(true);
    expect(await rescheduleSession(t.db, TEAM, id, at('2026-12-03T10:00:00Z'))).toBe(false);
    expect(await closeSession(t.db, TEAM, id, 'cancelled')).toBe(false);
    const row = await sessionRow(id);
    expect([row.status, row.scheduledAt]).toEqual(['held', at('2026-12-01T09:00:00Z')]);
  });

  it("never reaches another workspace's row, with or without a condition", async () => {
    const id = await session(3);
    expect(await updateRowIf(t.db, sessions, { teamId: 'T2', id }, { status: 'cancelled' })).toBe(false);
    expect(await updateRowIf(t.db, engagements, { teamId: 'T2', id: engagementId }, { programme: 'Leaders 2026' })).toBe(false);
    expect((await sessionRow(id)).status).toBe('scheduled');
    const [e] = await t.db.select().from(engagements).where(and(eq(engagements.teamId, TEAM), eq(engagements.id, engagementId)));
    expect(e!.programme).toBeNull();
  });
});
