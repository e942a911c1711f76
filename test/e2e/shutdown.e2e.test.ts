// SIGTERM right after a leader accepted: the real `npm start` process finishes the acked
// work before it closes the database, and the status change and its plan commit together,
// so the engagement is active with its rhythm planned and the coach has been told.
import { and, eq, inArray } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, nudges } from '../../db/schema/index.js';
import { startE2eApp, type E2eApp } from './e2e-app.js';
import { inviteLeader } from './walk/engagement.js';

let app: E2eApp;
beforeAll(async () => {
  app = await startE2eApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
}, 30_000);

describe('shutdown right after an accept', () => {
  it('leaves an active engagement with its plan, and the coach told', async () => {
    const coach = await app.person('U0CORASD01', 'Cora', 'Europe/London');
    const leader = await app.person('U0LEOSD001', 'Leo', 'America/New_York');
    const startDate = DateTime.now().setZone('America/New_York').plus({ days: 7 }).toISODate()!;
    const invitation = await inviteLeader(coach, leader, { startDate, sessionTime: '10:00', sessions: 6, cadenceDays: 14 });
    const coachDms = coach.dms().length;
    await leader.click(invitation.where, 'engagement_accept');
    // The click is acked; the listener's work is still running when the signal arrives.
    expect(await app.grow.stop()).toBe(0);
    const [engagement] = await app.db.db.select().from(engagements).where(eq(engagements.id, invitation.engagementId));
    expect(engagement!.status).toBe('active');
    const planned = await app.db.db
      .select()
      .from(nudges)
      .where(and(eq(nudges.engagementId, invitation.engagementId), inArray(nudges.status, ['pending', 'sending', 'sent']), inArray(nudges.kind, ['session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review'])));
    expect(planned.length).toBeGreaterThan(0);
    const told = coach.dms().slice(coachDms);
    expect(JSON.stringify(told)).toContain(`<@${leader.userId}>`);
  });
});
