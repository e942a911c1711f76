// What a coach's roster shows about one leader, read only from the coach's view that
// src/domain/privacy returns: a private check-in is not in it, so it contributes
// nothing — not its score, not even that it happened.
import type { EngagementStatus } from '../planner/types.js';
import type { CoachView } from '../privacy/index.js';
import { sessionProgress, type SessionProgress } from './progress.js';

export interface RosterSignals {
  status: EngagementStatus;
  /** Session k of n, counted by time (`sessionProgress`). */
  progress: SessionProgress;
  nextSessionAt: Date | null;
  lastSharedCheckInAt: Date | null;
  lastSharedCommitment: number | null;
}

export function rosterSignals(status: EngagementStatus, view: CoachView, now: Date): RosterSignals {
  const live = view.sessions.filter((s) => s.status !== 'cancelled');
  const next = live.find((s) => s.status === 'scheduled' && s.scheduledAt > now);
  // The view's lists are oldest first.
  const latest = view.checkIns[view.checkIns.length - 1];
  return {
    status,
    progress: sessionProgress(view.sessions, now),
    nextSessionAt: next?.scheduledAt ?? null,
    lastSharedCheckInAt: latest?.createdAt ?? null,
    lastSharedCommitment: latest?.commitment ?? null,
  };
}
