// Coach notes and recaps as services on real Postgres: only the engagement's coach writes,
// a note goes on after the engagement ends but not after its text is erased, and the
// last note is read back only for the coach who wrote it.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { engagements } from '../../db/schema/index.js';
import { addCoachNote, checkCoachNote, lastNoteForBrief } from '../../src/services/coach-notes.js';
import { prepareRecap } from '../../src/services/coach-recap.js';
import { COACH, LEADER, TEAM, seedEngagement, startEngagementHarness, type EngagementHarness } from '../slack/engagement-support.js';

let h: EngagementHarness;
const DAY = 86_400_000;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, coach_notes cascade`);
});

describe('coach notes and recaps as services', () => {
  it('a note is kept after the engagement ends, refused once its text is erased, and read only by its coach', async () => {
    const { engagement, sessions } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - 8 * DAY) });
    await h.db.db.update(engagements).set({ status: 'completed', endedAt: new Date() }).where(eq(engagements.id, engagement.id));
    const added = await addCoachNote(h.deps, { teamId: TEAM, userId: COACH, engagementId: engagement.id, values: { note: 'Closed well.' } });
    // Weekly sessions from eight days ago: the second one (a day ago) is the last that started.
    expect(added).toEqual({ outcome: 'added', leaderId: LEADER, sessionId: sessions[1]!.id });
    expect(await lastNoteForBrief(h.deps, { teamId: TEAM, coachId: COACH, engagementId: engagement.id })).toMatchObject({ text: 'Closed well.' });
    expect(await lastNoteForBrief(h.deps, { teamId: TEAM, coachId: LEADER, engagementId: engagement.id })).toBeNull();
    expect(await checkCoachNote(h.deps, { teamId: TEAM, userId: LEADER, engagementId: engagement.id })).toEqual({ outcome: 'refused' });
    await h.db.db.update(engagements).set({ contentErasedAt: new Date() }).where(eq(engagements.id, engagement.id));
    expect(await addCoachNote(h.deps, { teamId: TEAM, userId: COACH, engagementId: engagement.id, values: { note: 'Later.' } })).toEqual({ outcome: 'closed' });
  });

  it('a recap is ready only for the running engagement of its coach, with the words trimmed', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() - DAY) });
    expect(await prepareRecap(h.deps, { teamId: TEAM, userId: COACH, engagementId: engagement.id, values: { recap: '  Try the 1:1 agenda.  ' } })).toEqual({
      outcome: 'ready', leaderId: LEADER, text: 'Try the 1:1 agenda.', recapId: expect.any(String),
    });
    await h.db.db.update(engagements).set({ status: 'ended', endedAt: new Date() }).where(eq(engagements.id, engagement.id));
    expect(await prepareRecap(h.deps, { teamId: TEAM, userId: COACH, engagementId: engagement.id, values: { recap: 'x' } })).toEqual({ outcome: 'closed' });
  });
});
