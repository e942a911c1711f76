// Dedupe keys name a slot, not a time: `${engagementId}:${kind}:${occurrence}`. A slot
// that moves keeps its key (and its row is rescheduled); a new slot gets a new key.
import type { NudgeKind } from '../nudge-kinds.js';

/** Reviews happen once per engagement whichever session they follow. */
export const ONCE = 'once';

export function dedupeKeyFor(engagementId: string, kind: NudgeKind, occurrence: string | number): string {
  return `${engagementId}:${kind}:${occurrence}`;
}
