// Judging a follow-up click: refused for someone else, stale when it no longer applies.
import { describe, expect, it } from 'vitest';
import { judgeFollowUpClick, type FollowUpClickFacts } from '../../../src/domain/engagement/follow-up.js';

const facts = (over: Partial<FollowUpClickFacts> = {}): FollowUpClickFacts => ({
  clickerId: 'UL',
  nudge: { recipientId: 'UL', kind: 'follow_up', actionId: 'A1' },
  action: { id: 'A1', leaderId: 'UL', status: 'open' },
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
    expect(judgeFollowUpClick(facts({ clickerId: 'UX', action: { id: 'A1', leaderId: 'UL', status: 'done' } }))).toEqual({ kind: 'refuse' });
    expect(judgeFollowUpClick(facts({ nudge: { recipientId: 'UL', kind: 'session_prep', actionId: 'A1' } }))).toEqual({ kind: 'refuse' });
  });

  it('refuses a made-up nudge id next to someone else’s action, instead of showing it as out of date', () => {
    const theirs = { id: 'A2', leaderId: 'UOTHER', status: 'open' as const };
    expect(judgeFollowUpClick(facts({ nudge: null, action: theirs }))).toEqual({ kind: 'refuse' });
    expect(judgeFollowUpClick(facts({ nudge: null, action: theirs }), false)).toEqual({ kind: 'refuse' });
    expect(judgeFollowUpClick(facts({ action: null, nudge: { recipientId: 'UOTHER', kind: 'follow_up', actionId: 'A2' } }))).toEqual({ kind: 'refuse' });
  });

  it('refuses the leader’s own follow-up paired with an action it did not ask about', () => {
    expect(judgeFollowUpClick(facts({ nudge: { recipientId: 'UL', kind: 'follow_up', actionId: 'A9' } }))).toEqual({ kind: 'refuse' });
    expect(judgeFollowUpClick(facts({ nudge: { recipientId: 'UL', kind: 'follow_up', actionId: null } }))).toEqual({ kind: 'refuse' });
  });

  it('calls a click stale when answered, asked again since, ended or gone', () => {
    expect(judgeFollowUpClick(facts({ action: { id: 'A1', leaderId: 'UL', status: 'partly' } }))).toEqual({ kind: 'stale', reason: 'answered' });
    expect(judgeFollowUpClick(facts({ askedAgainSince: true }))).toEqual({ kind: 'stale', reason: 'superseded' });
    expect(judgeFollowUpClick(facts({ engagementStatus: 'ended' }))).toEqual({ kind: 'stale', reason: 'ended' });
    expect(judgeFollowUpClick(facts({ action: null }))).toEqual({ kind: 'stale', reason: 'gone' });
  });

  it('lets Reflect… follow an answer, but not an ended engagement', () => {
    expect(judgeFollowUpClick(facts({ action: { id: 'A1', leaderId: 'UL', status: 'done' } }), false)).toEqual({ kind: 'answer' });
    expect(judgeFollowUpClick(facts({ engagementStatus: 'ended' }), false)).toEqual({ kind: 'stale', reason: 'ended' });
  });
});
