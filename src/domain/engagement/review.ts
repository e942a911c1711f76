// Midpoint and closing reviews: each target rated again 1–10 against its baseline, and
// the before/after the leader sees when the engagement closes. At the midpoint a target
// that no longer fits may be reworded; its baseline stays, so the before/after still
// measures from where the leader started.
import { z } from 'zod';
import { TARGET_TEXT_MAX } from './contracting.js';

export type ReviewStage = 'midpoint' | 'closing';

export const stageOfKind = (kind: string): ReviewStage | null =>
  kind === 'midpoint_review' ? 'midpoint' : kind === 'closing_review' ? 'closing' : null;

export interface ReviewTargetFacts {
  id: string;
  position: number;
  baseline: number;
}

export interface TargetRating {
  targetId: string;
  rating: number;
}

const rating = z.coerce.number().int().min(1).max(10);

/** One rating per target, keyed `rating{position}` in the form; a missing one is an error on its block. */
export function parseReviewRatings(
  targets: ReviewTargetFacts[],
  values: Record<string, string | undefined>,
): { ok: true; ratings: TargetRating[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const ratings: TargetRating[] = [];
  for (const t of targets) {
    const key = `rating${t.position}`;
    const parsed = rating.safeParse(values[key]);
    if (parsed.success) ratings.push({ targetId: t.id, rating: parsed.data });
    else errors[key] = 'Where are you now on this, 1 to 10?';
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, ratings };
}

export interface BeforeAfter {
  description: string;
  baseline: number;
  closing: number;
}

/** "4 → 7 (+3)": the change said plainly, with no judgement attached. */
export function describeChange(row: Pick<BeforeAfter, 'baseline' | 'closing'>): string {
  const delta = row.closing - row.baseline;
  const sign = delta > 0 ? `+${delta}` : delta < 0 ? `${delta}` : '±0';
  return `${row.baseline} → ${row.closing} (${sign})`;
}

export interface TargetRewording {
  targetId: string;
  description: string;
}

/** The midpoint's rewordings, keyed `reword{position}`: blank or unchanged keeps the target as it was. */
export function parseRewordings(
  targets: (ReviewTargetFacts & { description: string })[],
  values: Record<string, string | undefined>,
): { ok: true; rewordings: TargetRewording[] } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const rewordings: TargetRewording[] = [];
  for (const t of targets) {
    const key = `reword${t.position}`;
    const text = (values[key] ?? '').trim();
    if (text.length === 0 || text === t.description.trim()) continue;
    if (text.length > TARGET_TEXT_MAX) errors[key] = `Please keep a target under ${TARGET_TEXT_MAX} characters.`;
    else rewordings.push({ targetId: t.id, description: text });
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, rewordings };
}
