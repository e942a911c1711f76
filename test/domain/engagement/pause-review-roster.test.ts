// Pause lengths, review ratings and the coach's roster signals.
import { describe, expect, it } from 'vitest';
import { parsePauseDays, pauseEndsAt } from '../../../src/domain/engagement/pause.js';
import { describeChange, parseReviewRatings } from '../../../src/domain/engagement/review.js';
import { rosterSignals } from '../../../src/domain/engagement/roster.js';

describe('pause', () => {
  it('defaults to 7 days and accepts 1–90 whole days only', () => {
    expect(parsePauseDays(undefined)).toEqual({ ok: true, days: 7 });
    expect(parsePauseDays('90')).toEqual({ ok: true, days: 90 });
    for (const bad of ['0', '91', '-3', '2.5', 'soon', '1e2']) expect(parsePauseDays(bad).ok).toBe(false);
  });

  it('ends at local midnight, on the leader’s calendar', () => {
    // 23:00 UTC on Monday 2 March is already Tuesday in Tokyo: back on Tuesday 10 March there.
    const until = pauseEndsAt(new Date('2026-03-02T23:00:00Z'), 7, 'Asia/Tokyo');
    expect(until.toISOString()).toBe('2026-03-09T15:00:00.000Z');
  });
});

describe('reviews', () => {
  const targets = [
    { id: 'a', position: 1, baseline: 3 },
    { id: 'b', position: 2, baseline: 6 },
  ];
  it('needs a 1–10 rating for every target', () => {
    expect(parseReviewRatings(targets, { rating1: '7', rating2: '6' })).toEqual({ ok: true, ratings: [{ targetId: 'a', rating: 7 }, { targetId: 'b', rating: 6 }] });
    expect(parseReviewRatings(targets, { rating1: '11' })).toMatchObject({ ok: false, errors: { rating1: expect.any(String), rating2: expect.any(String) } });
  });
  it('states the change plainly', () => {
    expect(describeChange({ baseline: 3, closing: 7 })).toBe('3 → 7 (+4)');
    expect(describeChange({ baseline: 6, closing: 5 })).toBe('6 → 5 (-1)');
    expect(describeChange({ baseline: 5, closing: 5 })).toBe('5 → 5 (±0)');
  });
});

describe('rosterSignals', () => {
  it('shows a coach nothing of a private check-in, not even its date', () => {
    const signals = rosterSignals({
      status: 'active',
      sessionCount: 8,
      heldCount: 2,
      nextSessionAt: null,
      checkIns: [
        { createdAt: new Date('2026-03-05T10:00:00Z'), commitment: 3, visibility: 'private' },
        { createdAt: new Date('2026-03-01T10:00:00Z'), commitment: 9, visibility: 'summary' },
      ],
    });
    expect(signals.lastSharedCommitment).toBe(9);
    expect(signals.lastSharedCheckInAt?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });
});
