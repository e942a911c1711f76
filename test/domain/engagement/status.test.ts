// Engagement status transitions and who may change a session.
import { describe, expect, it } from 'vitest';
import { checkSessionChange, nextStatus, type EngagementParties } from '../../../src/domain/engagement/status.js';
import { DomainError } from '../../../src/domain/errors.js';

const e = (status: EngagementParties['status']): EngagementParties => ({ coachId: 'UC', leaderId: 'UL', status });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return 'ok';
};

describe('nextStatus', () => {
  it('lets the leader accept or decline an invitation, and nobody else', () => {
    expect(nextStatus(e('invited'), 'accept', 'UL')).toBe('active');
    expect(nextStatus(e('invited'), 'decline', 'UL')).toBe('declined');
    expect(codeOf(() => nextStatus(e('invited'), 'accept', 'UC'))).toBe('forbidden');
    expect(codeOf(() => nextStatus(e('invited'), 'decline', 'UX'))).toBe('forbidden');
  });

  it('treats answering twice as stale, whatever the first answer was', () => {
    for (const status of ['active', 'declined', 'ended'] as const) {
      expect(codeOf(() => nextStatus(e(status), 'accept', 'UL'))).toBe('stale');
      expect(codeOf(() => nextStatus(e(status), 'decline', 'UL'))).toBe('stale');
    }
  });

  it('lets either party end a live engagement, never a closed one', () => {
    expect(nextStatus(e('active'), 'end', 'UC')).toBe('ended');
    expect(nextStatus(e('invited'), 'end', 'UL')).toBe('ended');
    expect(codeOf(() => nextStatus(e('ended'), 'end', 'UC'))).toBe('stale');
    expect(codeOf(() => nextStatus(e('declined'), 'end', 'UL'))).toBe('stale');
    expect(codeOf(() => nextStatus(e('active'), 'end', 'UX'))).toBe('forbidden');
  });
});

describe('checkSessionChange', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const future = { status: 'scheduled' as const, scheduledAt: new Date('2026-03-12T09:00:00Z') };
  const past = { status: 'scheduled' as const, scheduledAt: new Date('2026-03-10T09:00:00Z') };

  it('lets coach and leader move a scheduled session into the future', () => {
    for (const who of ['UC', 'UL']) expect(codeOf(() => checkSessionChange(e('active'), future, { kind: 'reschedule', at: new Date('2026-03-13T09:00:00Z') }, who, now))).toBe('ok');
    expect(codeOf(() => checkSessionChange(e('active'), future, { kind: 'reschedule', at: new Date('2026-03-09T09:00:00Z') }, 'UC', now))).toBe('invalid_input');
  });

  it('refuses outsiders, closed engagements and sessions already held or cancelled', () => {
    expect(codeOf(() => checkSessionChange(e('active'), future, { kind: 'cancel' }, 'UX', now))).toBe('forbidden');
    expect(codeOf(() => checkSessionChange(e('ended'), future, { kind: 'cancel' }, 'UC', now))).toBe('stale');
    expect(codeOf(() => checkSessionChange(e('active'), { ...future, status: 'held' }, { kind: 'cancel' }, 'UC', now))).toBe('stale');
  });

  it('marks a session held only once it has begun', () => {
    expect(codeOf(() => checkSessionChange(e('active'), future, { kind: 'held' }, 'UC', now))).toBe('invalid_input');
    expect(codeOf(() => checkSessionChange(e('active'), past, { kind: 'held' }, 'UC', now))).toBe('ok');
  });
});
