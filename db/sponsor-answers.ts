// A sponsor's answers, one per engagement and question, the text encrypted and bound to
// its row. Saving twice keeps the first (the unique key decides, not a read before).
import { and, eq, isNull } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { newRowId, rowSeal } from './sealed.js';
import { nudges, sponsorAnswers } from './schema/index.js';

export type SponsorAnswerKind = (typeof sponsorAnswers.$inferSelect)['kind'];

export interface SponsorAnswer {
  id: string;
  kind: SponsorAnswerKind;
  sponsorId: string;
  text: string;
  answeredAt: Date;
  sharedWithCoachAt: Date | null;
}

/** True when saved; false when this question was already answered. Marks the nudge answered with it. */
export async function saveSponsorAnswer(
  db: Db,
  cipher: Cipher,
  input: { teamId: string; engagementId: string; sponsorId: string; kind: SponsorAnswerKind; text: string; nudgeId: string; now: Date },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const id = newRowId();
    const inserted = await tx
      .insert(sponsorAnswers)
      .values({
        id,
        teamId: input.teamId,
        engagementId: input.engagementId,
        sponsorId: input.sponsorId,
        kind: input.kind,
        answerEnc: rowSeal(cipher, 'sponsor_answers', { teamId: input.teamId, id }).seal('answer_enc', input.text),
        answeredAt: input.now,
      })
      .onConflictDoNothing({ target: [sponsorAnswers.engagementId, sponsorAnswers.kind] })
      .returning({ id: sponsorAnswers.id });
    if (inserted.length === 0) return false;
    await tx
      .update(nudges)
      .set({ answeredAt: input.now, updatedAt: input.now })
      .where(and(eq(nudges.teamId, input.teamId), eq(nudges.id, input.nudgeId), isNull(nudges.answeredAt)));
    return true;
  });
}

export async function listSponsorAnswers(db: Db, cipher: Cipher, teamId: string, engagementId: string): Promise<SponsorAnswer[]> {
  const rows = await db.select().from(sponsorAnswers).where(and(eq(sponsorAnswers.teamId, teamId), eq(sponsorAnswers.engagementId, engagementId)));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    sponsorId: r.sponsorId,
    text: rowSeal(cipher, 'sponsor_answers', r).open('answer_enc', r.answerEnc),
    answeredAt: r.answeredAt,
    sharedWithCoachAt: r.sharedWithCoachAt,
  }));
}

/** The leader passes the sponsor's "change seen" on to their coach; once is enough. */
export async function shareChangeWithCoach(db: Db, input: { teamId: string; engagementId: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(sponsorAnswers)
    .set({ sharedWithCoachAt: input.now })
    .where(and(eq(sponsorAnswers.teamId, input.teamId), eq(sponsorAnswers.engagementId, input.engagementId), eq(sponsorAnswers.kind, 'change'), isNull(sponsorAnswers.sharedWithCoachAt)))
    .returning({ id: sponsorAnswers.id });
  return rows.length > 0;
}
