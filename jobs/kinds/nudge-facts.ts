// Rows the leader-facing kinds re-read at send time: the session a row is about, the
// leader's latest open action, the engagement the row belongs to and its style.
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { NudgeRow } from '../../db/nudges.js';
import { actions, checkIns, engagements, sessions } from '../../db/schema/index.js';
import { rowSeal } from '../../db/sealed.js';
import type { Cipher } from '../../src/crypto.js';
import type { Style } from '../../src/domain/engagement/style.js';

export async function loadRowSession(db: Db, row: NudgeRow) {
  if (!row.sessionId) return undefined;
  const [session] = await db.select().from(sessions).where(and(eq(sessions.id, row.sessionId), eq(sessions.teamId, row.teamId)));
  return session;
}

export async function loadOpenAction(db: Db, row: NudgeRow) {
  const [action] = await db
    .select()
    .from(actions)
    .where(
      and(eq(actions.teamId, row.teamId), eq(actions.leaderId, row.recipientId), eq(actions.engagementId, row.engagementId!), eq(actions.status, 'open')),
    )
    .orderBy(desc(actions.createdAt))
    .limit(1);
  return action;
}

export async function loadEngagementStatus(db: Db, teamId: string, engagementId: string) {
  const [engagement] = await db
    .select({ status: engagements.status })
    .from(engagements)
    .where(and(eq(engagements.id, engagementId), eq(engagements.teamId, teamId)));
  return engagement?.status;
}

/** The style of the row's engagement; the full rhythm for a row outside any engagement. */
export async function loadRowStyle(db: Db, row: NudgeRow): Promise<Style> {
  if (!row.engagementId) return 'standard';
  const [engagement] = await db
    .select({ style: engagements.style })
    .from(engagements)
    .where(and(eq(engagements.id, row.engagementId), eq(engagements.teamId, row.teamId)));
  return engagement?.style ?? 'standard';
}

/** The experiment style's prediction, from the check-in that committed to the action. */
export async function loadExpectation(db: Db, cipher: Cipher, teamId: string, checkInId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: checkIns.id, teamId: checkIns.teamId, expectationEnc: checkIns.expectationEnc })
    .from(checkIns)
    .where(and(eq(checkIns.id, checkInId), eq(checkIns.teamId, teamId)));
  return row ? rowSeal(cipher, 'check_ins', row).openNullable('expectation_enc', row.expectationEnc) : null;
}
