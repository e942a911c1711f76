import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatScore, parsePulseAnswers, releaseRound, shuffled, type ReleaseInput } from '../../../src/domain/pulse/index.js';
import { coachPulseView } from '../../../src/domain/privacy/index.js';

const closesAt = new Date('2026-03-09T09:00:00Z');
const after = new Date('2026-03-09T09:00:00Z');
const before = new Date('2026-03-09T08:59:59Z');
const seeded = (seed: number) => {
  let s = seed;
  return () => ((s = (s * 16807) % 2147483647) - 1) / 2147483646;
};

const input = (over: Partial<ReleaseInput> = {}): ReleaseInput => ({
  closesAt,
  now: after,
  answered: 3,
  targetIds: ['t1', 't2'],
  responses: [
    { targetId: 't1', score: 2, suggestion: 'first' },
    { targetId: 't1', score: 2, suggestion: null },
    { targetId: 't1', score: -1, suggestion: 'third' },
    { targetId: 't2', score: 0, suggestion: '  ' },
  ],
  random: seeded(7),
  ...over,
});

describe('releaseRound', () => {
  it('shows per target how many gave each score, every score from −3 to +3 listed', () => {
    const release = releaseRound(input());
    expect(release.released).toBe(true);
    if (!release.released) return;
    const t1 = release.targets[0]!;
    expect(t1.distribution).toEqual([
      { score: -3, count: 0 },
      { score: -2, count: 0 },
      { score: -1, count: 1 },
      { score: 0, count: 0 },
      { score: 1, count: 0 },
      { score: 2, count: 2 },
      { score: 3, count: 0 },
    ]);
    expect(t1.scored).toBe(3);
    expect([...t1.suggestions].sort()).toEqual(['first', 'third']);
    expect(release.targets[1]!.suggestions).toEqual([]);
  });

  it('releases nothing while the round is open, however many answered', () => {
    expect(releaseRound(input({ now: before, answered: 8 }))).toEqual({ released: false, reason: 'still_open', answered: 8 });
  });

  it('releases nothing below three answers', () => {
    for (const answered of [0, 1, 2]) expect(releaseRound(input({ answered }))).toEqual({ released: false, reason: 'too_few_answers', answered });
    expect(releaseRound(input({ answered: 3 })).released).toBe(true);
  });

  it('never releases before the close or below three (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: -5_000, max: 5_000 }), (answered, offsetMs) => {
        const release = releaseRound(input({ answered, now: new Date(closesAt.getTime() + offsetMs) }));
        expect(release.released).toBe(answered >= 3 && offsetMs >= 0);
      }),
    );
  });

  it('puts the suggestions in an order that does not follow the order they were stored in', () => {
    const responses = ['a', 'b', 'c', 'd', 'e'].map((s) => ({ targetId: 't1', score: 1, suggestion: s }));
    const orders = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const release = releaseRound(input({ responses, answered: 5, random: seeded(seed) }));
      if (release.released) orders.add(release.targets[0]!.suggestions.join(''));
    }
    expect(orders.size).toBeGreaterThan(10);
  });

  it('shuffles to a permutation of what it was given (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.integer({ min: 1, max: 1_000_000 }), (items, seed) => {
        expect([...shuffled(items, seeded(seed))].sort()).toEqual([...items].sort());
      }),
    );
  });
});

describe('parsePulseAnswers', () => {
  const targets = [
    { id: 't1', position: 1 },
    { id: 't2', position: 2 },
  ];

  it('requires a score at midpoint and close, keeps suggestions optional', () => {
    expect(parsePulseAnswers('midpoint', targets, { score1: '2', score2: '-3', suggestion1: ' more one-to-ones ' })).toEqual({
      ok: true,
      answers: [
        { targetId: 't1', score: 2, suggestion: 'more one-to-ones' },
        { targetId: 't2', score: -3, suggestion: null },
      ],
    });
    expect(parsePulseAnswers('closing', targets, { score1: '2' })).toEqual({ ok: false, errors: { score2: 'Choose a point from −3 to +3.' } });
    expect(parsePulseAnswers('closing', targets, { score1: '4', score2: '0' })).toMatchObject({ ok: false, errors: { score1: expect.any(String) } });
  });

  it('asks no score at baseline, where every field is optional', () => {
    expect(parsePulseAnswers('baseline', targets, { score1: '3' })).toEqual({
      ok: true,
      answers: [
        { targetId: 't1', score: null, suggestion: null },
        { targetId: 't2', score: null, suggestion: null },
      ],
    });
  });

  it('refuses a suggestion past 1000 characters on its own block', () => {
    expect(parsePulseAnswers('baseline', targets, { suggestion2: 'x'.repeat(1001) })).toMatchObject({ ok: false, errors: { suggestion2: expect.any(String) } });
  });
});

describe('coachPulseView', () => {
  const engagement = { id: 'e1', coachId: 'U_COACH', leaderId: 'U_LEAD', status: 'active' as const };
  const release = releaseRound(input());

  it('shows the coach nothing of a private round, and nothing to anyone but the coach', () => {
    expect(coachPulseView('U_COACH', engagement, 'private', release)).toBeNull();
    expect(coachPulseView('U_OTHER', engagement, 'shared', release)).toBeNull();
  });

  it('shows the scores of a round shared as a summary, without the suggestions', () => {
    const view = coachPulseView('U_COACH', engagement, 'summary', release);
    expect(view?.withSuggestions).toBe(false);
    expect(view?.targets[0]).not.toHaveProperty('suggestions');
    expect(view?.targets[0]!.distribution.find((d) => d.score === 2)?.count).toBe(2);
  });

  it('shows the suggestions too when shared in full, and nothing of an unreleased round', () => {
    expect(coachPulseView('U_COACH', engagement, 'shared', release)?.targets[0]!.suggestions?.length).toBe(2);
    expect(coachPulseView('U_COACH', engagement, 'shared', releaseRound(input({ answered: 2 })))).toBeNull();
  });
});

it('formats scores with a sign', () => {
  expect([-3, 0, 2].map(formatScore)).toEqual(['−3', '0', '+2']);
});
