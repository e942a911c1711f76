// Judging a follow-up click: refused for someone else, stale when it no longer applies.
import { describe, expect, it } from 'vitest';
import { judgeFollowUpClick, type FollowUpClickFacts } from '../../../src/domain/engagement/follow-up.js';

const facts = (over: Partial<FollowUpClickFacts> = {}): FollowUpClickFacts => ({
  clickerId: 'UL',
  nudge: { recipientId: 'UL', kind: 'follow_up' },
  action: { leaderId: 'UL', status: 'open' },
  engagementStatus: 'active',
  askedAgainSince: false,
  ...over,
});

describe('judgeFollowUpClick', () => {
  it('accepts the leader’s answer to their own open action', () => {
    expect(judgeFollowUpClick(facts())).toEqual({ kind: 'answer' });
    expect(judgeFollowUpClick(facts({ engagementStatus: null }))).toEqual({ kind: 'answer' });
  });

  it('refuses a click by anyone else, even on an answered action', () => {
    expect(judgeFollowUpClick(facts({ clickerId: 'UX' }))).toEqual({ kind: 'refuse' });
    expect(judgeFollowUpClick(facts({ clickerId: 'UX', action: { leaderId: 'UL', status: 'done' } }))).toEqual({ kind: 'refuse' });
    expect(judgeFollowUpClick(facts({ nudge: { recipientId: 'UL', kind: 'session_prep' } }))).toEqual({ kind: 'refuse' });
  });

  it('calls a click stale when answered, asked again since, ended or gone', () => {
    expect(judgeFollowUpClick(facts({ action: { leaderId: 'UL', status: 'partly' } }))).toEqual({ kind: 'stale', reason: 'answered' });
    expect(judgeFollowUpClick(facts({ askedAgainSince: true }))).toEqual({ kind: 'stale', reason: 'superseded' });
    expect(judgeFollowUpClick(facts({ engagementStatus: 'ended' }))).toEqual({ kind: 'stale', reason: 'ended' });
    expect(judgeFollowUpClick(facts({ action: null }))).toEqual({ kind: 'stale', reason: 'gone' });
  });

  it('lets Reflect… follow an answer, but not an ended engagement', () => {
    expect(judgeFollowUpClick(facts({ action: { leaderId: 'UL', status: 'done' } }), false)).toEqual({ kind: 'answer' });
    expect(judgeFollowUpClick(facts({ engagementStatus: 'ended' }), false)).toEqual({ kind: 'stale', reason: 'ended' });
  });
});
