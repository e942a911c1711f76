// Behavioural targets as the reviews read and write them: baseline, then the midpoint
// and closing ratings against it.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Cipher } from '../src/crypto.js';
import type { ReviewStage, TargetRating, TargetRewording } from '../src/domain/engagement/review.js';
import type { CoachTarget } from '../src/domain/privacy/types.js';
import type { Db } from './client.js';
import { rowSeal } from './sealed.js';
import { targets } from './schema/index.js';

/** A target as the leader and coach read it (decrypted); the same shape the privacy rules use. */
export type TargetView = CoachTarget;

export async function listTargets(db: Db, cipher: Cipher, teamId: string, engagementId: string): Promise<TargetView[]> {
  const rows = await db
    .select()
    .from(targets)
    .where(and(eq(targets.teamId, teamId), eq(targets.engagementId, engagementId)))
    .orderBy(asc(targets.position));
  return rows.map((t) => ({
    id: t.id,
    position: t.position,
    description: rowSeal(cipher, 'targets', t).open('description_enc', t.descriptionEnc),
    baseline: t.baseline,
    level: t.level,
    midpointRating: t.midpointRating,
    closingRating: t.closingRating,
  }));
}

/** All ratings of one review in one statement; only targets of this engagement are touched. */
export async function saveRatings(db: Db, input: { teamId: string; engagementId: string; stage: ReviewStage; ratings: TargetRating[] }): Promise<void> {
  if (input.ratings.length === 0) return;
  const column = input.stage === 'midpoint' ? sql.raw('midpoint_rating') : sql.raw('closing_rating');
  const values = sql.join(
    input.ratings.map((r) => sql`(${r.targetId}::uuid, ${r.rating}::integer)`),
    sql`, `,
  );
  await db.execute(sql`update targets set ${column} = v.rating
    from (values ${values}) as v(id, rating)
    where targets.id = v.id and targets.team_id = ${input.teamId} and targets.engagement_id = ${input.engagementId}::uuid`);
}

/** New wording for some targets, each sealed for its own row; baselines and ratings are left as they are. */
export async function rewordTargets(db: Db, cipher: Cipher, input: { teamId: string; engagementId: string; rewordings: TargetRewording[] }): Promise<void> {
  if (input.rewordings.length === 0) return;
  const values = sql.join(
    input.rewordings.map((r) => sql`(${r.targetId}::uuid, ${rowSeal(cipher, 'targets', { teamId: input.teamId, id: r.targetId }).seal('description_enc', r.description)})`),
    sql`, `,
  );
  await db.execute(sql`update targets set description_enc = v.description_enc
    from (values ${values}) as v(id, description_enc)
    where targets.id = v.id and targets.team_id = ${input.teamId} and targets.engagement_id = ${input.engagementId}::uuid`);
}
