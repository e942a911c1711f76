// Pause lengths, review ratings and the coach's roster signals.
import { describe, expect, it } from 'vitest';
import { parsePauseDays, pauseEndsAt } from '../../../src/domain/engagement/pause.js';
import { TARGET_TEXT_MAX } from '../../../src/domain/engagement/contracting.js';
import { describeChange, parseReviewRatings, parseRewordings } from '../../../src/domain/engagement/review.js';
import { rosterSignals } from '../../../src/domain/engagement/roster.js';
import { coachViewOf } from '../../../src/domain/privacy/index.js';

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
  it('rewords at the midpoint only a target whose text changed, within the target length', () => {
    const described = targets.map((t, i) => ({ ...t, description: ['Hold the hard conversations', 'Delegate the weekly report'][i]! }));
    expect(parseRewordings(described, { reword1: '  Hold the hard conversations ', reword2: '' })).toEqual({ ok: true, rewordings: [] });
    expect(parseRewordings(described, { reword2: 'Delegate the report and its review' })).toEqual({ ok: true, rewordings: [{ targetId: 'b', description: 'Delegate the report and its review' }] });
    const tooLong = parseRewordings(described, { reword1: 'x'.repeat(TARGET_TEXT_MAX + 1), reword2: 'Delegate the report and its review' });
    expect(tooLong).toEqual({ ok: false, errors: { reword1: `Please keep a target under ${TARGET_TEXT_MAX} characters.` } });
  });
  it('states the change plainly', () => {
    expect(describeChange({ baseline: 3, closing: 7 })).toBe('3 → 7 (+4)');
    expect(describeChange({ baseline: 6, closing: 5 })).toBe('6 → 5 (-1)');
    expect(describeChange({ baseline: 5, closing: 5 })).toBe('5 → 5 (±0)');
  });
});

describe('rosterSignals', () => {
  const checkIn = (id: string, at: string, commitment: number, visibility: 'private' | 'summary') => ({
    id, leaderId: 'UL', engagementId: 'e1', createdAt: new Date(at), goal: 'g', reality: 'r', options: 'o', will: 'w', makeItTen: null, commitment, targetId: null, visibility,
  });
  const session = (seq: number, at: string, status: 'scheduled' | 'held' | 'cancelled') => ({ id: `s${seq}`, engagementId: 'e1', seq, scheduledAt: new Date(at), status });
  const record = {
    engagement: { id: 'e1', coachId: 'UC', leaderId: 'UL', status: 'active' as const },
    checkIns: [checkIn('c2', '2026-03-05T10:00:00Z', 3, 'private'), checkIn('c1', '2026-03-01T10:00:00Z', 9, 'summary')],
    actions: [],
    reflections: [],
    targets: [],
    sessions: [session(1, '2026-02-20T09:00:00Z', 'held'), session(2, '2026-03-06T09:00:00Z', 'cancelled'), session(3, '2026-03-13T09:00:00Z', 'scheduled')],
  };
  const now = new Date('2026-03-08T12:00:00Z');

  it('shows a coach nothing of a private check-in, not even its date', () => {
    const signals = rosterSignals('active', coachViewOf('UC', record), now);
    expect(signals.lastSharedCommitment).toBe(9);
    expect(signals.lastSharedCheckInAt?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
  });

  it('counts sessions by time out of those not cancelled, and finds the next one', () => {
    const signals = rosterSignals('active', coachViewOf('UC', record), now);
    expect(signals.progress).toEqual({ past: 1, total: 2 });
    expect(signals.nextSessionAt?.toISOString()).toBe('2026-03-13T09:00:00.000Z');
  });

  it('gives anyone but the coach nothing to show', () => {
    const signals = rosterSignals('active', coachViewOf('USPONSOR', record), now);
    expect(signals).toMatchObject({ lastSharedCommitment: null, lastSharedCheckInAt: null, nextSessionAt: null });
  });
});
