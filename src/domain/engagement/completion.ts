// When an engagement is over by itself: its last session (cancelled ones aside) has
// ended, and the leader has done the closing review or let it wait two weeks. Then it
// becomes `completed`: it leaves digests and rosters and nothing more is sent for it.

/** How long after the last session an unanswered closing review holds the engagement open. */
export const CLOSING_REVIEW_GRACE_MS = 14 * 86_400_000;

export interface CompletionFacts {
  /** When the last session not cancelled ends; null when there is none. */
  lastSessionEndsAt: Date | null;
  /** Every target rated at the closing review (an engagement without targets has none to rate). */
  closingReviewDone: boolean;
  now: Date;
}

export function isCompletionDue(f: CompletionFacts): boolean {
  if (!f.lastSessionEndsAt) return false;
  const since = f.now.getTime() - f.lastSessionEndsAt.getTime();
  if (since < 0) return false;
  return f.closingReviewDone || since >= CLOSING_REVIEW_GRACE_MS;
}
