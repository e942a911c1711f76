// The planner's plain input and output shapes. They mirror the engagements, sessions,
// people and nudges tables without depending on them, so the planner stays pure.
import type { WorkingHours } from '../time/working-hours.js';
import type { RhythmKind } from '../nudge-kinds.js';
import type { RhythmSettings } from './rhythm.js';
import type { Style } from '../engagement/style.js';

export type EngagementStatus = 'invited' | 'active' | 'declined' | 'ended' | 'completed';
export type SessionStatus = 'scheduled' | 'held' | 'cancelled';

/** The kinds the engagement planner writes; every kind Grow knows is in `../nudge-kinds.ts`. */
export type { RhythmKind };

export interface PlanEngagement {
  id: string;
  status: EngagementStatus;
  sessionCount: number;
  cadenceDays: number;
  sessionMinutes: number;
  /** How Grow works with the leader; the full rhythm when absent. */
  style?: Style;
  /** Rhythm kinds the leader turned off. */
  mutedKinds?: readonly string[];
}

export interface PlanSession {
  id: string;
  seq: number;
  scheduledAt: Date;
  status: SessionStatus;
}

export interface PlanLeader {
  userId: string;
  hours: WorkingHours;
  pausedUntil?: Date | null;
  unansweredFollowUps: number;
}

export interface PlanAction {
  id: string;
  dueAt: Date;
  snoozedUntil?: Date | null;
  /** The leader asked for a nudge about what would make it a 10, before the due date. */
  askPrecondition?: boolean;
}

export interface PlanInput {
  engagement: PlanEngagement;
  sessions: PlanSession[];
  leader: PlanLeader;
  /** The leader's latest open action, if any; only it is followed up. */
  openAction?: PlanAction | null;
  lastCheckInAt?: Date | null;
  /** When the leader accepted, and whether their targets are set: a leader who put contracting off is reminded once. */
  contracting?: { acceptedAt: Date | null; contracted: boolean };
  rhythm?: Partial<RhythmSettings>;
  now: Date;
}

/** One message Grow intends to send; becomes (or updates) a `nudges` row. */
export interface NudgeSpec {
  kind: RhythmKind;
  recipientId: string;
  /** `${engagementId}:${kind}:${occurrence}`; stable while the slot is the same slot. */
  dedupeKey: string;
  dueAt: Date;
  sessionId?: string;
  /** Ids only, never free text. */
  ref: Record<string, string | number>;
}
