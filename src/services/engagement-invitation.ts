// The invitation's facts, re-read from Postgres (first session on the leader's clock,
// whether contracting is done), for the invitation DM and the listeners that answer it.
import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { hasContracted } from '../../db/contracting.js';
import type { EngagementRow } from '../../db/engagements.js';
import { findPerson } from '../../db/people.js';
import { sessions } from '../../db/schema/index.js';
import { rowSeal } from '../../db/sealed.js';
import type { Cipher } from '../crypto.js';

export interface InvitationState {
  engagementId: string;
  coachId: string;
  leaderId: string;
  sponsorId: string | null;
  sessionCount: number;
  cadenceDays: number;
  sessionMinutes: number;
  firstSessionAt: Date | null;
  /** The leader's zone: every time in the invitation is on their clock. */
  tz: string;
  status: EngagementRow['status'];
  contracted: boolean;
  /** The coach's personal note, decrypted; null without one (or without a cipher to read it). */
  note: string | null;
}

export async function loadInvitationState(db: Db, engagement: EngagementRow, cipher?: Cipher): Promise<InvitationState> {
  const [[first], person, contracted] = await Promise.all([
    db
      .select({ at: sessions.scheduledAt })
      .from(sessions)
      .where(and(eq(sessions.engagementId, engagement.id), ne(sessions.status, 'cancelled')))
      .orderBy(asc(sessions.scheduledAt))
      .limit(1),
    findPerson(db, engagement.teamId, engagement.leaderId),
    hasContracted(db, engagement.teamId, engagement.id),
  ]);
  return {
    engagementId: engagement.id,
    coachId: engagement.coachId,
    leaderId: engagement.leaderId,
    sponsorId: engagement.sponsorId,
    sessionCount: engagement.sessionCount,
    cadenceDays: engagement.cadenceDays,
    sessionMinutes: engagement.sessionMinutes,
    firstSessionAt: first?.at ?? null,
    tz: person?.tz ?? 'UTC',
    status: engagement.status,
    note: cipher && engagement.invitationNoteEnc ? rowSeal(cipher, 'engagements', engagement).open('invitation_note_enc', engagement.invitationNoteEnc) : null,
    contracted,
  };
}
