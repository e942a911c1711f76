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

/** The longest answer to the closing review's looking-back question. */
export const LOOKING_BACK_MAX = 2000;

type PerTarget<T> = { ok: true; items: T[] } | { ok: false; errors: Record<string, string> };

/**
 * Reads one field per target, keyed `{prefix}{position}` in the form: `read` gives what the
 * answer means, an error for its block, or nothing when the answer asks for no change.
 */
function readPerTarget<F extends ReviewTargetFacts, T>(
  targets: F[],
  values: Record<string, string | undefined>,
  prefix: string,
  read: (raw: string | undefined, target: F) => { item: T } | { error: string } | null,
): PerTarget<T> {
  const errors: Record<string, string> = {};
  const items: T[] = [];
  for (const t of targets) {
    const key = `${prefix}${t.position}`;
    const answer = read(values[key], t);
    if (answer && 'item' in answer) items.push(answer.item);
    else if (answer) errors[key] = answer.error;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, items };
}

/** One rating per target, keyed `rating{position}` in the form; a missing one is an error on its block. */
export function parseReviewRatings(
  targets: ReviewTargetFacts[],
  values: Record<string, string | undefined>,
): { ok: true; ratings: TargetRating[] } | { ok: false; errors: Record<string, string> } {
  const read = readPerTarget<ReviewTargetFacts, TargetRating>(targets, values, 'rating', (raw, t) => {
    const parsed = rating.safeParse(raw);
    return parsed.success ? { item: { targetId: t.id, rating: parsed.data } } : { error: 'Where are you now on this, 1 to 10?' };
  });
  return read.ok ? { ok: true, ratings: read.items } : read;
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
  const read = readPerTarget<ReviewTargetFacts & { description: string }, TargetRewording>(targets, values, 'reword', (raw, t) => {
    const text = (raw ?? '').trim();
    if (text.length === 0 || text === t.description.trim()) return null;
    if (text.length > TARGET_TEXT_MAX) return { error: `Please keep a target under ${TARGET_TEXT_MAX} characters.` };
    return { item: { targetId: t.id, description: text } };
  });
  return read.ok ? { ok: true, rewordings: read.items } : read;
}
