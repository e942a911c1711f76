// The closing review's ratings reach the coach as the leader chose in that review:
// summary or shared shows them, private shows none, and the sentence the review modal
// shows for each choice says exactly that.
import { describe, expect, it } from 'vitest';
import { closingRatingsReachCoach, coachViewOf, type LeaderRecord, type Visibility } from '../../../src/domain/privacy/index.js';
import { closingVisibilityLine } from '../../../src/slack/review-visibility.js';

const record = (closingVisibility: Visibility | null): LeaderRecord => ({
  engagement: { id: 'e1', coachId: 'UC', leaderId: 'UL', status: 'completed', closingVisibility },
  checkIns: [], actions: [], reflections: [], sessions: [],
  targets: [{ id: 't1', engagementId: 'e1', position: 1, description: 'Raise it early', baseline: 3, level: null, midpointRating: 5, closingRating: 8 }],
});

describe('closing ratings in the coach’s view', () => {
  it.each([['summary', 8], ['shared', 8], ['private', null], [null, null]] as const)('with %s, the coach sees closing rating %s', (visibility, seen) => {
    const [target] = coachViewOf('UC', record(visibility)).targets;
    expect(target!.closingRating).toBe(seen);
    // The target itself, its baseline and its midpoint rating stay in view.
    expect(target).toMatchObject({ description: 'Raise it early', baseline: 3, midpointRating: 5 });
  });

  it('tells the leader, for each choice, what the rule does', () => {
    for (const v of ['private', 'summary', 'shared'] as const) {
      const line = closingVisibilityLine(v);
      const shown = coachViewOf('UC', record(v)).targets[0]!.closingRating !== null;
      expect(shown).toBe(closingRatingsReachCoach(v));
      expect(line).toContain(shown ? 'your coach sees these ratings' : 'only you see these ratings');
    }
  });
});
