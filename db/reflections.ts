// Reflections: anything the leader writes outside a check-in (follow-up reflections,
// session prep, coachability answers, saved moments). The answers are one encrypted JSON
// object; the rating (the openness rating may be private) and a moment's permalink (it
// names the conversation) are encrypted too, each bound to its row and team.
import { and, count, eq, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Cipher } from '../src/crypto.js';
import type { Visibility } from '../src/domain/checkin/rules.js';
import type { Db } from './client.js';
import { reflections } from './schema/index.js';
import { newestOfLeader, type SinceLastSession } from './leader-rows.js';
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

/** Something the leader wrote, opened for the leader themselves: its answers by question id and a moment's link. */
export interface OwnWords {
  kind: string;
  createdAt: Date;
  answers: Record<string, string>;
  permalink: string | null;
}

function ownWordsOf(cipher: Cipher, row: typeof reflections.$inferSelect): OwnWords {
  const opened = openReflection(cipher, row);
  const parsed: unknown = JSON.parse(opened.body);
  const answers: Record<string, string> = {};
  if (parsed && typeof parsed === 'object') for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string' && v.trim()) answers[k] = v;
  return { kind: row.kind, createdAt: row.createdAt, answers, permalink: opened.permalink };
}

/**
 * What the leader wrote after `since`, newest first, for their own eyes only: their
 * follow-up answers and reflections in this engagement and the moments they saved.
 */
export async function listOwnWordsSince(db: Db, cipher: Cipher, input: SinceLastSession): Promise<OwnWords[]> {
  // Follow-up answers in this engagement; moments whatever engagement they were saved in.
  const ownWords = or(and(eq(reflections.engagementId, input.engagementId), eq(reflections.kind, 'follow_up')), eq(reflections.kind, 'moment'));
  const rows = await newestOfLeader(db, reflections, reflections.createdAt, input, isNull(reflections.contentErasedAt), ownWords);
  return rows.map((r) => ownWordsOf(cipher, r));
}

/** The leader's most recent saved moments, newest first. */
export async function listRecentMoments(db: Db, cipher: Cipher, input: { teamId: string; leaderId: string; limit: number }): Promise<OwnWords[]> {
  const rows = await newestOfLeader(db, reflections, reflections.createdAt, input, eq(reflections.kind, 'moment'), isNull(reflections.contentErasedAt));
  return rows.map((r) => ownWordsOf(cipher, r));
}
