// The coach's messages about one session (the brief and "did this session take place?")
// re-read the session at send time and settle alike when it no longer applies: no
// session on the row, the session gone, a recipient who is not the engagement's coach,
// an engagement that stopped running, a session no longer scheduled.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, nudges, people, sessions } from '../../db/schema/index.js';
import { brief } from '../../jobs/kinds/brief.js';
import { scheduledSessionOfCoach } from '../../jobs/kinds/coach-session.js';
import { sessionHeld } from '../../jobs/kinds/session-held.js';
import { createCipher } from '../../src/crypto.js';
import { defaultRhythm } from '../../src/domain/planner/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const cipher = createCipher(randomBytes(32));
const TEAM = 'T1';
const COACH = 'U0COACH001';
const LEADER = 'U0LEADER01';
const now = new Date('2026-11-30T09:00:00Z');
let t: TestDatabase;

async function engagementWithSession(status: 'active' | 'ended', sessionStatus: 'scheduled' | 'held' | 'cancelled', leaderId: string) {
  const [e] = await t.db.insert(engagements).values({ teamId: TEAM, coachId: COACH, leaderId, status, startDate: '2026-11-02' }).returning();
  const [s] = await t.db.insert(sessions).values({ teamId: TEAM, engagementId: e!.id, seq: 3, scheduledAt: new Date('2026-12-01T09:00:00Z'), status: sessionStatus }).returning();
  return { engagementId: e!.id, sessionId: s!.id };
}

async function row(kind: 'brief' | 'session_held', over: { recipientId?: string; sessionId: string | null; engagementId: string | null }) {
  const [r] = await t.db
    .insert(nudges)
    .values({ teamId: TEAM, recipientId: over.recipientId ?? COACH, kind, engagementId: over.engagementId, sessionId: over.sessionId, dedupeKey: `${kind}:${randomBytes(4).toString('hex')}`, dueAt: now })
    .returning();
  return r!;
}

let running: { engagementId: string; sessionId: string };
let ended: { engagementId: string; sessionId: string };
let held: { engagementId: string; sessionId: string };

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.insert(people).values({ teamId: TEAM, userId: COACH, tz: 'UTC' });
  running = await engagementWithSession('active', 'scheduled', LEADER);
  ended = await engagementWithSession('ended', 'scheduled', 'U0LEADER02');
  held = await engagementWithSession('active', 'held', 'U0LEADER03');
});
afterAll(async () => t?.drop());

describe("a coach's message about a session", () => {
  it('finds the session and its engagement while the recipient coaches it, it runs and the session is scheduled', async () => {
    const found = await scheduledSessionOfCoach(t.db, await row('session_held', running));
    expect('settle' in found).toBe(false);
    if ('settle' in found) return;
    expect([found.session.id, found.engagement.id, found.engagement.leaderId]).toEqual([running.sessionId, running.engagementId, LEADER]);
  });

  it('settles the brief and the held question alike, and why, when it no longer applies', async () => {
    const [gone] = await t.db.insert(sessions).values({ teamId: TEAM, engagementId: running.engagementId, seq: 9, scheduledAt: now }).returning();
    const cases = [
      [{ sessionId: null, engagementId: running.engagementId }, 'failed', 'missing_session'],
      [{ sessionId: gone!.id, engagementId: running.engagementId }, 'cancelled', 'session_gone'],
      [{ ...running, recipientId: LEADER }, 'cancelled', 'not_the_coach'],
      [ended, 'cancelled', 'engagement_ended'],
      [held, 'skipped', 'session_held'],
    ] as const;
    // Rows as the sender holds them once claimed; the session may go after the claim.
    const claimed = await Promise.all(cases.map(async ([over]) => [await row('brief', over), await row('session_held', over)] as const));
    await t.db.delete(sessions).where(eq(sessions.id, gone!.id));
    const [person] = await t.db.select().from(people);
    for (const [i, [, status, reason]] of cases.entries()) {
      const [briefRow, heldRow] = claimed[i]!;
      for (const [kind, claimedRow] of [[brief, briefRow], [sessionHeld, heldRow]] as const) {
        const decided = await kind.decide({ db: t.db, cipher, row: claimedRow, person: person!, now, rhythm: defaultRhythm });
        expect(decided, `${claimedRow.kind} ${reason}`).toEqual({ applies: false, status, reason });
      }
    }
  });
});
