// Retention: the free text of an engagement that ended more than RETENTION_DAYS ago is
// erased, in batches, one transaction per engagement; so is that of an invitation declined
// that long ago, or never answered for that long (expired), and that of check-ins and
// reflections or coaching moments outside any engagement, RETENTION_DAYS after they were
// written. What a report needs stays: the
// engagement and its sessions, target baselines, levels and ratings, check-in commitment
// scores and dates, action statuses, reflection kinds and ratings, and the nudges. Text
// columns are NOT NULL and read through the cipher, so erased text becomes the encryption
// of an empty value rather than a hole every reader would have to know about.
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { rowSeal } from './sealed.js';
import { actions, checkIns, coachNotes, engagements, pulseResponses, pulseRounds, reflections, sessionRecaps, sponsorAnswers, targets } from './schema/index.js';

export interface RetentionResult {
  engagements: number;
  /** Check-ins outside any engagement whose text was erased (their actions' text with them). */
  checkIns: number;
  /** Reflections and coaching moments outside any engagement whose answers were erased. */
  reflections: number;
}

const BATCH = 100;

export async function eraseExpiredContent(db: Db, cipher: Cipher, options: { now: Date; retentionDays: number }): Promise<RetentionResult> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000);
  let erased = 0;
  for (;;) {
    const due = await db
      .select({ id: engagements.id, teamId: engagements.teamId })
      .from(engagements)
      .where(
        and(
          isNull(engagements.contentErasedAt),
          or(
            and(inArray(engagements.status, ['ended', 'completed']), lt(engagements.endedAt, cutoff)),
            // Declined: counted from the answer. Never answered: the invitation has expired.
            and(eq(engagements.status, 'declined'), or(lt(engagements.respondedAt, cutoff), and(isNull(engagements.respondedAt), lt(engagements.createdAt, cutoff)))),
            and(eq(engagements.status, 'invited'), lt(engagements.createdAt, cutoff)),
          ),
        ),
      )
      .limit(BATCH);
    for (const e of due) await eraseEngagementContent(db, cipher, e, options.now);
    erased += due.length;
    if (due.length < BATCH) break;
  }
  return { engagements: erased, checkIns: await eraseLooseCheckIns(db, cipher, cutoff, options.now), reflections: await eraseLooseReflections(db, cipher, cutoff, options.now) };
}

async function eraseLooseCheckIns(db: Db, cipher: Cipher, cutoff: Date, now: Date): Promise<number> {
  let erased = 0;
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: checkIns.id, teamId: checkIns.teamId })
        .from(checkIns)
        .where(and(isNull(checkIns.engagementId), isNull(checkIns.contentErasedAt), lt(checkIns.createdAt, cutoff)))
        .limit(BATCH);
      if (due.length === 0) return [];
      const actionRows = await tx.select({ id: actions.id, teamId: actions.teamId }).from(actions).where(inArray(actions.checkInId, due.map((c) => c.id)));
      for (const a of actionRows) await tx.update(actions).set({ textEnc: rowSeal(cipher, 'actions', a).seal('text_enc', '') }).where(eq(actions.id, a.id));
      for (const c of due) {
        const s = rowSeal(cipher, 'check_ins', c);
        await tx
          .update(checkIns)
          .set({ goalEnc: s.seal('goal_enc', ''), realityEnc: s.seal('reality_enc', ''), optionsEnc: s.seal('options_enc', ''), willEnc: s.seal('will_enc', ''), makeItTenEnc: null, expectationEnc: null, contentErasedAt: now })
          .where(eq(checkIns.id, c.id));
      }
      return due;
    });
    erased += ids.length;
    if (ids.length < BATCH) return erased;
  }
}

async function eraseLooseReflections(db: Db, cipher: Cipher, cutoff: Date, now: Date): Promise<number> {
  let erased = 0;
  for (;;) {
    const due = await db
      .select({ id: reflections.id, teamId: reflections.teamId })
      .from(reflections)
      .where(and(isNull(reflections.engagementId), isNull(reflections.contentErasedAt), lt(reflections.createdAt, cutoff)))
      .limit(BATCH);
    for (const r of due) {
      await db
        .update(reflections)
        .set({ bodyEnc: rowSeal(cipher, 'reflections', r).seal('body_enc', '{}'), permalinkEnc: null, legacyPermalink: null, contentErasedAt: now })
        .where(eq(reflections.id, r.id));
    }
    erased += due.length;
    if (due.length < BATCH) return erased;
  }
}

async function eraseEngagementContent(db: Db, cipher: Cipher, e: { id: string; teamId: string }, now: Date): Promise<void> {
  // Each value is bound to its own row, so the empty text is sealed once per row.
  const seal = (table: string, id: string) => rowSeal(cipher, table, { teamId: e.teamId, id });
  await db.transaction(async (tx) => {
    const targetRows = await tx.select({ id: targets.id }).from(targets).where(and(eq(targets.teamId, e.teamId), eq(targets.engagementId, e.id)));
    for (const { id } of targetRows) await tx.update(targets).set({ descriptionEnc: seal('targets', id).seal('description_enc', '') }).where(eq(targets.id, id));
    const checkInRows = await tx.select({ id: checkIns.id }).from(checkIns).where(and(eq(checkIns.teamId, e.teamId), eq(checkIns.engagementId, e.id)));
    for (const { id } of checkInRows) {
      const s = seal('check_ins', id);
      await tx
        .update(checkIns)
        .set({ goalEnc: s.seal('goal_enc', ''), realityEnc: s.seal('reality_enc', ''), optionsEnc: s.seal('options_enc', ''), willEnc: s.seal('will_enc', ''), makeItTenEnc: null, expectationEnc: null })
        .where(eq(checkIns.id, id));
    }
    const actionRows = await tx.select({ id: actions.id }).from(actions).where(and(eq(actions.teamId, e.teamId), eq(actions.engagementId, e.id)));
    for (const { id } of actionRows) await tx.update(actions).set({ textEnc: seal('actions', id).seal('text_enc', '') }).where(eq(actions.id, id));
    const reflectionRows = await tx
      .select({ id: reflections.id })
      .from(reflections)
      .where(and(eq(reflections.teamId, e.teamId), eq(reflections.engagementId, e.id)));
    // Ratings stay (reports need them, still encrypted); permalinks go with the text.
    for (const { id } of reflectionRows) {
      await tx.update(reflections).set({ bodyEnc: seal('reflections', id).seal('body_enc', '{}'), permalinkEnc: null, legacyPermalink: null }).where(eq(reflections.id, id));
    }
    // Stakeholders' suggestions go too; their scores stay, tied to no one.
    await tx
      .update(pulseResponses)
      .set({ suggestionEnc: null })
      .where(and(eq(pulseResponses.teamId, e.teamId), inArray(pulseResponses.roundId, tx.select({ id: pulseRounds.id }).from(pulseRounds).where(eq(pulseRounds.engagementId, e.id)))));
    // The sponsor's answers are free text about the engagement: they go with it.
    const sponsorRows = await tx.select({ id: sponsorAnswers.id }).from(sponsorAnswers).where(and(eq(sponsorAnswers.teamId, e.teamId), eq(sponsorAnswers.engagementId, e.id)));
    for (const { id } of sponsorRows) await tx.update(sponsorAnswers).set({ answerEnc: seal('sponsor_answers', id).seal('answer_enc', '') }).where(eq(sponsorAnswers.id, id));
    // The coach's private notes are about the engagement too: their text goes with it.
    const noteRows = await tx.select({ id: coachNotes.id }).from(coachNotes).where(and(eq(coachNotes.teamId, e.teamId), eq(coachNotes.engagementId, e.id)));
    for (const { id } of noteRows) await tx.update(coachNotes).set({ textEnc: seal('coach_notes', id).seal('text_enc', '') }).where(eq(coachNotes.id, id));
    // So are the recaps the coach sent the leader.
    const recapRows = await tx.select({ id: sessionRecaps.id }).from(sessionRecaps).where(and(eq(sessionRecaps.teamId, e.teamId), eq(sessionRecaps.engagementId, e.id)));
    for (const { id } of recapRows) await tx.update(sessionRecaps).set({ textEnc: seal('session_recaps', id).seal('text_enc', '') }).where(eq(sessionRecaps.id, id));
    await tx.update(engagements).set({ contentErasedAt: now, invitationNoteEnc: null, endReasonEnc: null }).where(eq(engagements.id, e.id));
  });
}
