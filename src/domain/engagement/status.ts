// Who may do what to an engagement and its sessions, and where each step leads. The
// engagement moves invited → active → ended (early, by a person) or completed (by itself,
// see ./completion.ts), or invited → declined; nothing comes back.
import { DomainError } from '../errors.js';
import type { EngagementStatus, SessionStatus } from '../planner/types.js';

export type EngagementEvent = 'accept' | 'decline' | 'end';
export type Role = 'coach' | 'leader';

const TRANSITIONS: Record<EngagementEvent, { from: EngagementStatus[]; to: EngagementStatus; by: Role[] }> = {
  accept: { from: ['invited'], to: 'active', by: ['leader'] },
  decline: { from: ['invited'], to: 'declined', by: ['leader'] },
  // Ending an invitation that was never answered withdraws it.
  end: { from: ['invited', 'active'], to: 'ended', by: ['coach', 'leader'] },
};

export interface EngagementParties {
  coachId: string;
  leaderId: string;
  status: EngagementStatus;
}

export function roleOf(engagement: Pick<EngagementParties, 'coachId' | 'leaderId'>, userId: string): Role | null {
  if (engagement.leaderId === userId) return 'leader';
  if (engagement.coachId === userId) return 'coach';
  return null;
}

/** The engagement's other party, for one of its parties: the leader for the coach, the coach for the leader. */
export const otherPartyOf = (engagement: Pick<EngagementParties, 'coachId' | 'leaderId'>, userId: string): string =>
  engagement.coachId === userId ? engagement.leaderId : engagement.coachId;

export const isLive = (status: EngagementStatus): boolean => status === 'invited' || status === 'active';

/** The statuses an event may leave from, for the conditional update that applies it. */
export const fromStatuses = (event: EngagementEvent): EngagementStatus[] => TRANSITIONS[event].from;

/**
 * The status after `event`, or a DomainError: `forbidden` for someone outside the
 * engagement or in the wrong role, `stale` when it has already moved on.
 */
export function nextStatus(engagement: EngagementParties, event: EngagementEvent, userId: string): EngagementStatus {
  const rule = TRANSITIONS[event];
  const role = roleOf(engagement, userId);
  if (!role || !rule.by.includes(role)) throw new DomainError('forbidden', `${event} by ${role ?? 'outsider'}`);
  if (!rule.from.includes(engagement.status)) {
    throw new DomainError('stale', `${event} from ${engagement.status}`, STALE_MESSAGE[engagement.status]);
  }
  return rule.to;
}

const STALE_MESSAGE: Record<EngagementStatus, string> = {
  invited: 'That invitation is still waiting for an answer.',
  active: 'That invitation was already accepted; nothing was changed.',
  declined: 'That invitation was already declined; nothing was changed.',
  ended: 'That engagement has ended; nothing was changed.',
  completed: 'That engagement is complete; nothing was changed.',
};

export type SessionChange = { kind: 'reschedule'; at: Date } | { kind: 'held' } | { kind: 'cancel' };

export interface SessionFacts {
  status: SessionStatus;
  scheduledAt: Date;
}

/**
 * Checks a change to one session by the coach or the leader of a live engagement. Held
 * and cancelled sessions are history; a session is marked held once it has begun.
 */
export function checkSessionChange(engagement: EngagementParties, session: SessionFacts, change: SessionChange, userId: string, now: Date): void {
  if (!roleOf(engagement, userId)) throw new DomainError('forbidden', 'session change by outsider');
  if (!isLive(engagement.status)) throw new DomainError('stale', 'session change on a closed engagement', STALE_MESSAGE.ended);
  if (session.status !== 'scheduled') {
    throw new DomainError('stale', `session already ${session.status}`, `That session is already ${session.status === 'held' ? 'marked held' : 'cancelled'}.`);
  }
  if (change.kind === 'reschedule' && change.at.getTime() <= now.getTime()) {
    throw new DomainError('invalid_input', 'reschedule into the past', 'That time has already passed. When should it be?');
  }
  if (change.kind === 'held' && session.scheduledAt.getTime() > now.getTime()) {
    throw new DomainError('invalid_input', 'held before it began', 'That session has not started yet. Was it moved instead?');
  }
}
