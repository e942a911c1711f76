// Rows the leader-facing kinds re-read at send time: the session a row is about, the
// leader's latest open action, the engagement the row belongs to and its style.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { NudgeRow } from '../../db/nudges.js';
import { actions, checkIns, engagements, sessions } from '../../db/schema/index.js';
import { previousSessionAtSql } from '../../db/sessions.js';
import { rowSeal } from '../../db/sealed.js';
import type { Cipher } from '../../src/crypto.js';
import type { Style } from '../../src/domain/engagement/style.js';
import type { KindInput } from './kind-definition.js';

export async function loadRowSession(db: Db, row: NudgeRow) {
  if (!row.sessionId) return undefined;
  const [session] = await db.select().from(sessions).where(and(eq(sessions.id, row.sessionId), eq(sessions.teamId, row.teamId)));
  return session;
}

/**
 * Everything session prep reads about its session in one statement: the session, the
 * leader's latest open action, whether they have prepared for a session before, and where
 * "since the last session" starts.
 */
export async function loadPrepFacts(db: Db, row: NudgeRow) {
  if (!row.sessionId || !row.engagementId) return undefined;
  const latestOpen = db
    .select({ id: actions.id })
    .from(actions)
    .where(and(eq(actions.teamId, row.teamId), eq(actions.leaderId, row.recipientId), eq(actions.engagementId, row.engagementId), eq(actions.status, 'open')))
    .orderBy(desc(actions.createdAt))
    .limit(1);
  const [found] = await db
    .select({
      session: sessions,
      action: actions,
      prepared: sql<boolean>`exists (select 1 from reflections r where r.team_id = ${row.teamId} and r.engagement_id = ${sessions.engagementId} and r.kind = 'session_prep')`,
      since: previousSessionAtSql(row.teamId, sql`${sessions.engagementId}`, sql`${sessions.scheduledAt}`),
    })
    .from(sessions)
    .leftJoin(actions, eq(actions.id, sql`(${latestOpen})`))
    .where(and(eq(sessions.id, row.sessionId), eq(sessions.teamId, row.teamId)));
  return found;
}

export async function loadEngagementStatus(db: Db, teamId: string, engagementId: string) {
  const [engagement] = await db
    .select({ status: engagements.status })
    .from(engagements)
    .where(and(eq(engagements.id, engagementId), eq(engagements.teamId, teamId)));
  return engagement?.status;
}

/** The style of the row's engagement (read at the claim when the sender did); the full rhythm for a row outside any engagement. */
export async function loadRowStyle({ db, row, engagement }: Pick<KindInput, 'db' | 'row' | 'engagement'>): Promise<Style> {
  if (!row.engagementId) return 'standard';
  if (engagement !== undefined) return engagement?.style ?? 'standard';
  const [found] = await db
    .select({ style: engagements.style })
    .from(engagements)
    .where(and(eq(engagements.id, row.engagementId), eq(engagements.teamId, row.teamId)));
  return found?.style ?? 'standard';
}

/** The experiment style's prediction, from the check-in that committed to the action. */
export async function loadExpectation(db: Db, cipher: Cipher, teamId: string, checkInId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: checkIns.id, teamId: checkIns.teamId, expectationEnc: checkIns.expectationEnc })
    .from(checkIns)
    .where(and(eq(checkIns.id, checkInId), eq(checkIns.teamId, teamId)));
  return row ? rowSeal(cipher, 'check_ins', row).openNullable('expectation_enc', row.expectationEnc) : null;
}
