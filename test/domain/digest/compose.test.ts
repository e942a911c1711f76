// Digest and brief composition from a coach view: what counts as this week or since the
// last session, which signals turn into questions, and the order of leaders.
import { describe, expect, it } from 'vitest';
import { composeBrief, composeDigest, signalQuestion, signalsOf } from '../../../src/domain/digest/index.js';
import type { CoachView } from '../../../src/domain/privacy/index.js';

const DAY = 86_400_000;
const now = new Date('2026-03-09T09:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

function view(over: Partial<CoachView> = {}): CoachView {
  return { engagementId: 'e1', leaderId: 'U0LEADER01', checkIns: [], actions: [], reflections: [], moments: [], targets: [], sessions: [], ...over };
}
const checkIn = (days: number, commitment: number, goal = 'Delegate more') => ({
  id: `c${days}`, createdAt: ago(days), visibility: 'summary' as const, goal, commitment, targetId: null, detail: null,
});
const session = (id: string, days: number, status: 'scheduled' | 'held' | 'cancelled' = 'scheduled', seq = 1) => ({ id, seq, scheduledAt: ago(days), status });

describe('signals', () => {
  it('asks about a quiet fortnight only once the engagement has been running that long', () => {
    expect(signalsOf(view({ sessions: [session('s1', 10)] }), now)).toEqual([]);
    expect(signalsOf(view({ sessions: [session('s1', 20)] }), now)).toEqual([{ kind: 'quiet', days: 20 }]);
    expect(signalsOf(view({ checkIns: [checkIn(15, 9)] }), now)).toEqual([{ kind: 'quiet', days: 15 }]);
    expect(signalsOf(view({ checkIns: [checkIn(3, 9)], sessions: [session('s1', 30)] }), now)).toEqual([]);
  });

  it('asks about commitment dropping two points or more from its recent high', () => {
    expect(signalsOf(view({ checkIns: [checkIn(9, 9), checkIn(5, 8), checkIn(1, 7)] }), now)).toEqual([{ kind: 'commitment_dropping', from: 9, to: 7 }]);
    expect(signalsOf(view({ checkIns: [checkIn(5, 8), checkIn(1, 7)] }), now)).toEqual([]);
  });

  it('asks about actions whose follow-up has waited two days or more', () => {
    const action = (dueDays: number) => ({ id: `a${dueDays}`, status: 'open' as const, dueAt: ago(dueDays), createdAt: ago(10), answeredAt: null, text: null });
    expect(signalsOf(view({ checkIns: [checkIn(1, 9)], actions: [action(3), action(1)] }), now)).toEqual([{ kind: 'follow_ups_unanswered', count: 1 }]);
  });

  it('phrases every signal as a question', () => {
    for (const s of [{ kind: 'quiet', days: 15 }, { kind: 'commitment_dropping', from: 9, to: 6 }, { kind: 'follow_ups_unanswered', count: 1 }, { kind: 'follow_ups_unanswered', count: 3 }] as const) {
      expect(signalQuestion(s)).toMatch(/\?$/);
    }
  });
});

describe('composeDigest', () => {
  it('counts this week’s check-ins, keeps goals once (newest first) and lists open actions', () => {
    const v = view({
      checkIns: [checkIn(9, 6, 'Old goal'), checkIn(5, 7, 'Delegate more'), checkIn(2, 9, 'Speak up early'), checkIn(1, 8, 'Delegate more')],
      actions: [
        { id: 'a1', status: 'done', dueAt: ago(20), createdAt: ago(25), answeredAt: ago(19), text: 'old and answered' },
        { id: 'a2', status: 'open', dueAt: ago(-2), createdAt: ago(20), answeredAt: null, text: null },
      ],
      sessions: [session('s0', 14, 'held'), session('s1', -3, 'scheduled', 2)],
    });
    const [leader] = composeDigest([v], now).leaders;
    expect(leader).toMatchObject({ checkInCount: 3, scores: [7, 9, 8], goals: ['Delegate more', 'Speak up early'], nextSessionAt: ago(-3) });
    expect(leader!.actions.map((a) => a.status)).toEqual(['open']);
  });

  it('puts the leader with the soonest session first', () => {
    const a = view({ leaderId: 'U0AAAAAAAA', sessions: [session('s', -5)] });
    const b = view({ leaderId: 'U0BBBBBBBB', sessions: [session('s', -1)] });
    const c = view({ leaderId: 'U0CCCCCCCC' });
    expect(composeDigest([c, a, b], now).leaders.map((l) => l.leaderId)).toEqual(['U0BBBBBBBB', 'U0AAAAAAAA', 'U0CCCCCCCC']);
  });
});

describe('composeBrief', () => {
  const sessions = [session('s1', 14, 'held', 1), session('sx', 7, 'cancelled', 2), session('s2', -1, 'scheduled', 3)];

  it('reads "since last time" from the previous session that happened', () => {
    const v = view({
      sessions,
      checkIns: [checkIn(20, 6, 'Before'), checkIn(10, 8, 'Since')],
      reflections: [
        { id: 'r0', kind: 'session_prep', createdAt: ago(16), visibility: 'shared', rating: null, actionId: null, body: { want: 'old prep' } },
        { id: 'r1', kind: 'session_prep', createdAt: ago(2), visibility: 'shared', rating: null, actionId: null, body: { want: 'Practise the hard conversation' } },
      ],
    });
    const brief = composeBrief(v, 's2', now)!;
    expect(brief.previousAt).toEqual(ago(14));
    expect(brief.progress).toEqual({ past: 2, total: 2 });
    expect(brief.goals).toEqual(['Since']);
    expect(brief.commitments).toEqual([6, 8]);
    expect(brief.prep).toEqual({ visibility: 'shared', answers: [{ question: 'What do you want from the next session?', text: 'Practise the hard conversation' }] });
  });

  it('says only that they prepared when the prep was kept to a summary', () => {
    const v = view({ sessions, reflections: [{ id: 'r1', kind: 'session_prep', createdAt: ago(2), visibility: 'summary', rating: null, actionId: null, body: null }] });
    expect(composeBrief(v, 's2', now)!.prep).toEqual({ visibility: 'summary' });
  });

  it('carries the latest check-in shared in full, and none kept to a summary', () => {
    const shared = { ...checkIn(5, 9, 'Shared goal'), visibility: 'shared' as const, detail: { reality: 'R', options: 'O', will: 'W', makeItTen: null } };
    expect(composeBrief(view({ sessions, checkIns: [shared, checkIn(2, 8)] }), 's2', now)!.latestShared).toEqual({
      createdAt: ago(5), goal: 'Shared goal', reality: 'R', options: 'O', will: 'W', makeItTen: null,
    });
    expect(composeBrief(view({ sessions, checkIns: [checkIn(2, 8)] }), 's2', now)!.latestShared).toBeNull();
  });

  it('carries the ratings given at contracting that reach the coach, with their question', () => {
    const rating = (id: string, kind: string, value: number | null) => ({ id, kind, createdAt: ago(30), visibility: 'summary' as const, rating: value, actionId: null, body: null });
    const v = view({ sessions, reflections: [rating('r1', 'coachability_openness', 7), rating('r2', 'coachability_worked', null), rating('r3', 'follow_up', 4)] });
    expect(composeBrief(v, 's2', now)!.contractingRatings).toEqual([{ question: 'How open are you to being coached right now, 1 to 10?', rating: 7 }]);
  });

  it('is null for a session the view does not have', () => {
    expect(composeBrief(view({ sessions }), 'nope', now)).toBeNull();
  });
});
