// What may need a coach's attention, from the coach's view only, each put as a question;
// leaders ordered by how much there is to ask about.
import { describe, expect, it } from 'vitest';
import { attentionOf, attentionQuestion, byNeed, needsAttention, type AttentionSignal } from '../../../src/domain/engagement/attention.js';
import { coachViewOf, type LeaderRecord } from '../../../src/domain/privacy/index.js';
import type { CoachView } from '../../../src/domain/privacy/index.js';

const DAY = 86_400_000;
const now = new Date('2026-06-10T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

function view(over: Partial<CoachView> = {}): CoachView {
  return {
    engagementId: 'e1',
    leaderId: 'U0LEADER',
    checkIns: [],
    actions: [],
    reflections: [],
    moments: [],
    targets: [{ id: 't1', position: 1, description: 'Ask before telling', baseline: 4, level: null, midpointRating: null, closingRating: null }],
    sessions: Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, seq: i + 1, scheduledAt: new Date(now.getTime() + (i - 1) * 14 * DAY), status: i < 1 ? ('held' as const) : ('scheduled' as const) })),
    ...over,
  };
}

const kinds = (signals: AttentionSignal[]) => signals.map((s) => s.kind);
const checkIn = (createdAt: Date, commitment: number) => ({ id: `c${createdAt.getTime()}`, createdAt, visibility: 'summary' as const, goal: 'g', commitment, targetId: null, detail: null });
const action = (dueAt: Date, status: 'open' | 'not_yet' | 'done', answeredAt: Date | null) => ({ id: `a${dueAt.getTime()}`, status, dueAt, createdAt: ago(30), answeredAt, text: null });

describe('attention signals', () => {
  it('a quiet, well-kept engagement asks nothing', () => {
    expect(attentionOf(view({ checkIns: [checkIn(ago(2), 9)] }), [], now)).toEqual([]);
  });

  it('asks about a latest commitment below 8, not an earlier one', () => {
    expect(kinds(attentionOf(view({ checkIns: [checkIn(ago(9), 9), checkIn(ago(2), 6)] }), [], now))).toEqual(['low_commitment']);
    expect(attentionOf(view({ checkIns: [checkIn(ago(9), 5), checkIn(ago(2), 8)] }), [], now)).toEqual([]);
  });

  it('a private check-in never counts: the view the privacy module returns has no score for it', () => {
    const record: LeaderRecord = {
      engagement: { id: 'e1', coachId: 'U0COACH', leaderId: 'U0LEADER', status: 'active' },
      checkIns: [{ id: 'c1', leaderId: 'U0LEADER', engagementId: 'e1', createdAt: ago(1), goal: 'g', reality: 'r', options: 'o', will: 'w', makeItTen: null, commitment: 3, targetId: null, visibility: 'private' }],
      actions: [],
      reflections: [],
      targets: view().targets.map((t) => ({ ...t, engagementId: 'e1' })),
      sessions: view().sessions.map((s) => ({ ...s, engagementId: 'e1' })),
    };
    expect(kinds(attentionOf(coachViewOf('U0COACH', record), [], now))).not.toContain('low_commitment');
    const summary = { ...record, checkIns: record.checkIns.map((c) => ({ ...c, visibility: 'summary' as const })) };
    expect(kinds(attentionOf(coachViewOf('U0COACH', summary), [], now))).toContain('low_commitment');
  });

  it('asks when the last two answers were "Not yet", not when only one was', () => {
    const twice = [action(ago(10), 'not_yet', ago(9)), action(ago(5), 'not_yet', ago(4))];
    expect(kinds(attentionOf(view({ actions: twice }), [], now))).toEqual(['not_yet_twice']);
    expect(attentionOf(view({ actions: [action(ago(10), 'not_yet', ago(9)), action(ago(5), 'done', ago(4))] }), [], now)).toEqual([]);
  });

  it('asks when the last two follow-ups went unanswered, not while the latest is fresh', () => {
    expect(kinds(attentionOf(view({ actions: [action(ago(10), 'open', null), action(ago(5), 'open', null)] }), [], now))).toEqual(['follow_ups_unanswered']);
    expect(attentionOf(view({ actions: [action(ago(10), 'open', null), action(ago(5), 'done', ago(4))] }), [], now)).toEqual([]);
  });

  it('asks about contracting until there are targets', () => {
    expect(kinds(attentionOf(view({ targets: [] }), [], now))).toEqual(['contracting_pending']);
  });

  it('asks about a review once its session has passed, and says when it is done', () => {
    const sessions = view().sessions.map((s, i) => ({ ...s, scheduledAt: new Date(now.getTime() - (8 - i) * 14 * DAY), status: 'held' as const }));
    const midway = sessions.map((s, i) => (i >= 4 ? { ...s, scheduledAt: new Date(now.getTime() + i * DAY), status: 'scheduled' as const } : s));
    expect(attentionOf(view({ sessions: midway }), [], now)).toEqual([{ kind: 'review_due', stage: 'midpoint' }]);
    const rated = view().targets.map((t) => ({ ...t, midpointRating: 6 }));
    expect(attentionOf(view({ sessions: midway, targets: rated }), [], now)).toEqual([{ kind: 'review_done', stage: 'midpoint' }]);
    const closed = view().targets.map((t) => ({ ...t, midpointRating: 6, closingRating: 8 }));
    expect(attentionOf(view({ sessions, targets: closed }), [], now)).toEqual([{ kind: 'review_done', stage: 'closing' }]);
  });

  it('asks whether a past session not marked was held', () => {
    const sessions = view().sessions.map((s) => (s.seq === 1 ? { ...s, status: 'scheduled' as const } : s));
    expect(attentionOf(view({ sessions }), [], now)).toEqual([{ kind: 'session_unmarked', seq: 1 }]);
  });

  it('says which stakeholder pulse the leader shared', () => {
    expect(attentionOf(view(), ['baseline'], now)).toEqual([{ kind: 'pulse_shared', stage: 'baseline' }]);
  });

  it('puts every signal as a question to the coach', () => {
    const all: AttentionSignal[] = [
      { kind: 'low_commitment', score: 5 }, { kind: 'not_yet_twice' }, { kind: 'follow_ups_unanswered' }, { kind: 'contracting_pending' },
      { kind: 'review_due', stage: 'midpoint' }, { kind: 'review_done', stage: 'closing' }, { kind: 'session_unmarked', seq: 3 }, { kind: 'pulse_shared', stage: 'midpoint' },
    ];
    for (const s of all) expect(attentionQuestion(s)).toMatch(/\?$/);
  });
});

describe('ordering by need', () => {
  it('puts the leader with most to ask about first, then the soonest session', () => {
    const calm = { leaderId: 'U0A', signals: [], nextSessionAt: ago(-1) };
    const soon = { leaderId: 'U0B', signals: [{ kind: 'pulse_shared', stage: 'baseline' } as const], nextSessionAt: ago(-1) };
    const later = { leaderId: 'U0C', signals: [{ kind: 'pulse_shared', stage: 'baseline' } as const], nextSessionAt: ago(-5) };
    const stuck = { leaderId: 'U0D', signals: [{ kind: 'not_yet_twice' } as const], nextSessionAt: null };
    expect([calm, later, soon, stuck].sort(byNeed).map((l) => l.leaderId)).toEqual(['U0D', 'U0B', 'U0C', 'U0A']);
  });

  it('a shared pulse or a done review alone does not call for full attention; a stuck action does', () => {
    expect(needsAttention([{ kind: 'pulse_shared', stage: 'baseline' }, { kind: 'review_done', stage: 'midpoint' }])).toBe(false);
    expect(needsAttention([{ kind: 'not_yet_twice' }])).toBe(true);
  });
});
