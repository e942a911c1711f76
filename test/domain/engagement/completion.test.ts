// An engagement is over by itself once its last session has ended and the closing review
// is done, or has waited two weeks.
import { describe, expect, it } from 'vitest';
import { CLOSING_REVIEW_GRACE_MS, isCompletionDue } from '../../../src/domain/engagement/completion.js';

const now = new Date('2026-06-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('isCompletionDue', () => {
  it('waits for the last session to end, review done or not', () => {
    expect(isCompletionDue({ lastSessionEndsAt: ago(-60_000), closingReviewDone: true, now })).toBe(false);
    expect(isCompletionDue({ lastSessionEndsAt: null, closingReviewDone: true, now })).toBe(false);
  });

  it('completes once the last session has ended and the closing review is done', () => {
    expect(isCompletionDue({ lastSessionEndsAt: ago(0), closingReviewDone: true, now })).toBe(true);
  });

  it('holds an unanswered closing review open for two weeks, then completes', () => {
    expect(isCompletionDue({ lastSessionEndsAt: ago(CLOSING_REVIEW_GRACE_MS - 1), closingReviewDone: false, now })).toBe(false);
    expect(isCompletionDue({ lastSessionEndsAt: ago(CLOSING_REVIEW_GRACE_MS), closingReviewDone: false, now })).toBe(true);
  });
});
