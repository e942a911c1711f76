// What a coach's roster may show about a leader: only what the leader shares. A check-in
// marked private contributes nothing — not its score, not even that it happened.
import type { Visibility } from '../checkin/rules.js';
import type { EngagementStatus } from '../planner/types.js';

export interface RosterCheckIn {
  createdAt: Date;
  commitment: number;
  visibility: Visibility;
}

export interface RosterFacts {
  status: EngagementStatus;
  sessionCount: number;
  heldCount: number;
  nextSessionAt: Date | null;
  /** The leader's recent check-ins in this engagement, newest first, any visibility. */
  checkIns: RosterCheckIn[];
}

export interface RosterSignals {
  status: EngagementStatus;
  progress: { held: number; total: number };
  nextSessionAt: Date | null;
  lastSharedCheckInAt: Date | null;
  lastSharedCommitment: number | null;
}

export function rosterSignals(facts: RosterFacts): RosterSignals {
  const shared = facts.checkIns.find((c) => c.visibility !== 'private');
  return {
    status: facts.status,
    progress: { held: facts.heldCount, total: facts.sessionCount },
    nextSessionAt: facts.nextSessionAt,
    lastSharedCheckInAt: shared?.createdAt ?? null,
    lastSharedCommitment: shared?.commitment ?? null,
  };
}
