// Retention: the free text of an engagement that ended more than RETENTION_DAYS ago is
// erased, in batches, one transaction per engagement. What a report needs stays: the
// engagement and its sessions, target baselines, levels and ratings, check-in commitment
// scores and dates, action statuses, reflection kinds and ratings, and the nudges. Text
// columns are NOT NULL and read through the cipher, so erased text becomes the encryption
// of an empty value rather than a hole every reader would have to know about.
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { Db } from './client.js';
import { actions, checkIns, engagements, reflections, targets } from './schema/index.js';

export interface RetentionResult {
  engagements: number;
}

const BATCH = 100;

export async function eraseExpiredContent(db: Db, cipher: Cipher, options: { now: Date; retentionDays: number }): Promise<RetentionResult> {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000);
  let erased = 0;
  for (;;) {
    const due = await db
      .select({ id: engagements.id, teamId: engagements.teamId })
      .from(engagements)
      .where(and(eq(engagements.status, 'ended'), lt(engagements.endedAt, cutoff), isNull(engagements.contentErasedAt)))
      .limit(BATCH);
    for (const e of due) await eraseEngagementContent(db, cipher, e, options.now);
    erased += due.length;
    if (due.length < BATCH) return { engagements: erased };
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
