// Engagements and their sessions: creating one with its calendar, moving it through its
// statuses (each move conditional on the status it leaves, so two clicks cannot both
// win), and ending it with everything still pending for it.
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { DomainError } from '../src/domain/errors.js';
import type { EngagementStatus } from '../src/domain/planner/types.js';
import type { Style } from '../src/domain/engagement/style.js';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { updateRowIf } from './update-row.js';
import { rowSeal } from './sealed.js';
import { engagements, nudges, sessions } from './schema/index.js';

export type EngagementRow = typeof engagements.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export interface NewEngagement {
  teamId: string;
  coachId: string;
  leaderId: string;
  sponsorId: string | null;
  startDate: string;
  sessionCount: number;
  cadenceDays: number;
  sessionMinutes: number;
  sessionTimes: Date[];
  /** The row's id when given (an encrypted column is bound to it), and the coach's sealed note. */
  id?: string;
  invitationNoteEnc?: string | null;
}

/** A unique-constraint violation by name, through whichever driver wrapped it. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint_name ?? e.constraint) === constraint) return true;
  }
  return false;
}

export async function insertEngagement(db: Db, input: NewEngagement): Promise<{ engagement: EngagementRow; sessions: SessionRow[] }> {
  try {
    return await db.transaction(async (tx) => {
      const [engagement] = await tx
        .insert(engagements)
        .values({
          ...(input.id ? { id: input.id } : {}),
          invitationNoteEnc: input.invitationNoteEnc ?? null,
          teamId: input.teamId,
          coachId: input.coachId,
          leaderId: input.leaderId,
          sponsorId: input.sponsorId,
          startDate: input.startDate,
          sessionCount: input.sessionCount,
          cadenceDays: input.cadenceDays,
          sessionMinutes: input.sessionMinutes,
        })
        .returning();
      const rows = await tx
        .insert(sessions)
        .values(input.sessionTimes.map((at, i) => ({ teamId: input.teamId, engagementId: engagement!.id, seq: i + 1, scheduledAt: at })))
        .returning();
      return { engagement: engagement!, sessions: rows };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'engagements_live_pair')) {
      throw new DomainError('conflict', 'live engagement exists for pair', 'You already have an engagement with this leader that is invited or under way.');
    }
    throw error;
  }
}

export async function findEngagement(db: Db, teamId: string, engagementId: string): Promise<EngagementRow | undefined> {
  const [row] = await db.select().from(engagements).where(and(eq(engagements.teamId, teamId), eq(engagements.id, engagementId)));
  return row;
}

/** Applies a status change only if the row is still in one of `from`; undefined when it was not. */
export async function moveEngagement(
  db: Db,
  input: { teamId: string; engagementId: string; from: EngagementStatus[]; to: EngagementStatus; now: Date },
): Promise<EngagementRow | undefined> {
  const over = input.to === 'ended' || input.to === 'completed';
  const stamps = over ? { endedAt: input.now } : { respondedAt: input.now };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(engagements)
      .set({ status: input.to, ...stamps })
      .where(and(eq(engagements.teamId, input.teamId), eq(engagements.id, input.engagementId), inArray(engagements.status, input.from)))
      .returning();
    // Nothing more goes out for an engagement that is over (the invitation included).
    if (row && (over || input.to === 'declined')) {
      await tx
        .update(nudges)
        .set({ status: 'cancelled', reason: `engagement_${input.to}`, updatedAt: input.now })
        .where(and(eq(nudges.teamId, input.teamId), eq(nudges.engagementId, input.engagementId), eq(nudges.status, 'pending')));
    }
    return row;
  });
}

/** Engagements a person is part of in the given statuses, oldest first. */
export async function listEngagementsOf(db: Db, teamId: string, userId: string, statuses: EngagementStatus[], role?: 'coach' | 'leader'): Promise<EngagementRow[]> {
  const who = role === 'coach' ? eq(engagements.coachId, userId) : role === 'leader' ? eq(engagements.leaderId, userId) : or(eq(engagements.coachId, userId), eq(engagements.leaderId, userId));
  return db
    .select()
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), who, inArray(engagements.status, statuses)))
    .orderBy(asc(engagements.createdAt));
}

export async function listSessions(db: Db, teamId: string, engagementIds: string[]): Promise<SessionRow[]> {
  if (engagementIds.length === 0) return [];
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.teamId, teamId), inArray(sessions.engagementId, engagementIds)))
    .orderBy(asc(sessions.engagementId), asc(sessions.seq));
}

/** The sent invitation DM of an engagement, so its buttons can be replaced wherever it was answered. */
export async function findInvitationMessage(db: Db, teamId: string, engagementId: string): Promise<{ channelId: string; messageTs: string } | undefined> {
  const [row] = await db
    .select({ channelId: nudges.channelId, messageTs: nudges.messageTs })
    .from(nudges)
    .where(and(eq(nudges.teamId, teamId), eq(nudges.engagementId, engagementId), eq(nudges.kind, 'invitation'), eq(nudges.status, 'sent')))
    .limit(1);
  return row?.channelId && row.messageTs ? { channelId: row.channelId, messageTs: row.messageTs } : undefined;
}

/** A coach's engagements with these leaders, whatever their status (a digest re-render). */
export async function findEngagementsOfCoach(db: Db, teamId: string, coachId: string, leaderIds: string[]) {
  return db
    .select({ id: engagements.id, coachId: engagements.coachId, leaderId: engagements.leaderId, status: engagements.status, closingVisibility: engagements.closingVisibility })
    .from(engagements)
    .where(and(eq(engagements.teamId, teamId), eq(engagements.coachId, coachId), inArray(engagements.leaderId, leaderIds)));
}

/** Who sees the closing review's ratings, as the leader chose in that review. */
export async function setClosingVisibility(db: Db, teamId: string, engagementId: string, visibility: 'private' | 'summary' | 'shared'): Promise<void> {
  await db.update(engagements).set({ closingVisibility: visibility }).where(and(eq(engagements.teamId, teamId), eq(engagements.id, engagementId)));
}

/** How Grow works with the leader: the style and the kinds they turned off. False when the engagement is no longer active. */
export async function setEngagementStyle(db: Db, input: { teamId: string; engagementId: string; style: Style; mutedKinds: string[] }): Promise<boolean> {
  return updateRowIf(db, engagements, { teamId: input.teamId, id: input.engagementId }, { style: input.style, mutedKinds: input.mutedKinds }, eq(engagements.status, 'active'));
}

/** Who ended the engagement early and, sealed, why (if they said). */
export async function noteEnding(db: Db, cipher: Cipher, input: { teamId: string; engagementId: string; endedBy: string; reason: string | null }): Promise<void> {
  const reason = input.reason ? rowSeal(cipher, 'engagements', { teamId: input.teamId, id: input.engagementId }).seal('end_reason_enc', input.reason) : null;
  await db.update(engagements).set({ endedBy: input.endedBy, endReasonEnc: reason }).where(and(eq(engagements.teamId, input.teamId), eq(engagements.id, input.engagementId)));
}
