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
import { actions, checkIns, engagements, reflections, targets } from './schema/index.js';

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
            and(eq(engagements.status, 'ended'), lt(engagements.endedAt, cutoff)),
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
  const empty = cipher.encrypt('');
  let erased = 0;
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: checkIns.id })
        .from(checkIns)
        .where(and(isNull(checkIns.engagementId), isNull(checkIns.contentErasedAt), lt(checkIns.createdAt, cutoff)))
        .limit(BATCH);
      const batch = due.map((c) => c.id);
      if (batch.length === 0) return batch;
      await tx.update(actions).set({ textEnc: empty }).where(inArray(actions.checkInId, batch));
      await tx
        .update(checkIns)
        .set({ goalEnc: empty, realityEnc: empty, optionsEnc: empty, willEnc: empty, makeItTenEnc: null, contentErasedAt: now })
        .where(inArray(checkIns.id, batch));
      return batch;
    });
    erased += ids.length;
    if (ids.length < BATCH) return erased;
  }
}

async function eraseLooseReflections(db: Db, cipher: Cipher, cutoff: Date, now: Date): Promise<number> {
  let erased = 0;
  for (;;) {
    const due = await db
      .select({ id: reflections.id })
      .from(reflections)
      .where(and(isNull(reflections.engagementId), isNull(reflections.contentErasedAt), lt(reflections.createdAt, cutoff)))
      .limit(BATCH);
    if (due.length > 0) {
      await db
        .update(reflections)
        .set({ bodyEnc: cipher.encrypt('{}'), permalink: null, contentErasedAt: now })
        .where(inArray(reflections.id, due.map((r) => r.id)));
    }
    erased += due.length;
    if (due.length < BATCH) return erased;
  }
}

async function eraseEngagementContent(db: Db, cipher: Cipher, e: { id: string; teamId: string }, now: Date): Promise<void> {
  const empty = cipher.encrypt('');
  await db.transaction(async (tx) => {
    await tx.update(targets).set({ descriptionEnc: empty }).where(and(eq(targets.teamId, e.teamId), eq(targets.engagementId, e.id)));
    await tx
      .update(checkIns)
      .set({ goalEnc: empty, realityEnc: empty, optionsEnc: empty, willEnc: empty, makeItTenEnc: null })
      .where(and(eq(checkIns.teamId, e.teamId), eq(checkIns.engagementId, e.id)));
    await tx.update(actions).set({ textEnc: empty }).where(and(eq(actions.teamId, e.teamId), eq(actions.engagementId, e.id)));
    await tx
      .update(reflections)
      .set({ bodyEnc: cipher.encrypt('{}'), permalink: null })
      .where(and(eq(reflections.teamId, e.teamId), eq(reflections.engagementId, e.id)));
    await tx.update(engagements).set({ contentErasedAt: now }).where(eq(engagements.id, e.id));
  });
}
