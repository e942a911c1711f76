// Reflections: anything the leader writes outside a check-in (follow-up reflections,
// session prep, coachability answers, saved moments). The answers are one encrypted JSON
// object; the rating (the openness rating may be private) and a moment's permalink (it
// names the conversation) are encrypted too, each bound to its row and team.
import { and, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Cipher } from '../src/crypto.js';
import type { Visibility } from '../src/domain/checkin/rules.js';
import type { Db } from './client.js';
import { reflections } from './schema/index.js';
import { newRowId, rowSeal } from './sealed.js';

export interface NewReflection {
  teamId: string;
  leaderId: string;
  engagementId: string | null;
  actionId?: string | null;
  kind: string;
  /** Answers keyed by question id; encrypted as a whole. */
  body: Record<string, unknown>;
  rating?: number | null;
  permalink?: string | null;
  visibility: Visibility;
}

export function reflectionValues(cipher: Cipher, input: NewReflection) {
  const id = newRowId();
  const seal = rowSeal(cipher, 'reflections', { teamId: input.teamId, id });
  return {
    id,
    teamId: input.teamId,
    leaderId: input.leaderId,
    engagementId: input.engagementId,
    actionId: input.actionId ?? null,
    kind: input.kind,
    bodyEnc: seal.seal('body_enc', JSON.stringify(input.body)),
    ratingEnc: input.rating == null ? null : seal.seal('rating_enc', String(input.rating)),
    permalinkEnc: input.permalink == null ? null : seal.seal('permalink_enc', input.permalink),
    visibility: input.visibility,
  };
}

export async function insertReflection(db: Db, cipher: Cipher, input: NewReflection): Promise<string> {
  const [row] = await db.insert(reflections).values(reflectionValues(cipher, input)).returning({ id: reflections.id });
  return row!.id;
}

const storedRating = z.coerce.number().int().min(1).max(10);

type StoredReflection = Pick<typeof reflections.$inferSelect, 'id' | 'teamId' | 'bodyEnc' | 'ratingEnc' | 'permalinkEnc' | 'legacyRating' | 'legacyPermalink'>;

/**
 * A stored reflection's body text, rating and permalink, decrypted against its row. A
 * value not yet moved out of the legacy plaintext columns still reads.
 */
export function openReflection(cipher: Cipher, row: StoredReflection): { body: string; rating: number | null; permalink: string | null } {
  const seal = rowSeal(cipher, 'reflections', row);
  const rating = row.ratingEnc === null ? row.legacyRating : storedRating.parse(seal.open('rating_enc', row.ratingEnc));
  return { body: seal.open('body_enc', row.bodyEnc), rating, permalink: seal.openNullable('permalink_enc', row.permalinkEnc) ?? row.legacyPermalink };
}

/** Whether the leader has written a reflection of this kind in the engagement (the first prep is asked differently). */
export async function hasReflection(db: Db, teamId: string, engagementId: string, kind: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(reflections).where(and(eq(reflections.teamId, teamId), eq(reflections.engagementId, engagementId), eq(reflections.kind, kind)));
  return (row?.n ?? 0) > 0;
}
