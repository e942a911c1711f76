// What the privacy rules read (a leader's own items, already decrypted) and what they
// return (the coach's view). The view's shapes are separate types built field by field,
// so nothing the leader wrote can travel into a coach surface by being spread along.
import type { Visibility } from '../checkin/rules.js';
import type { EngagementStatus, SessionStatus } from '../planner/types.js';

export type { Visibility };
export type ActionStatus = 'open' | 'done' | 'partly' | 'not_yet' | 'dropped';

export interface EngagementParties {
  id: string;
  coachId: string;
  leaderId: string;
  status: EngagementStatus;
  /** The visibility the leader chose for the closing review's ratings; null or absent before it. */
  closingVisibility?: Visibility | null;
}

export interface CheckInRecord {
  id: string;
  leaderId: string;
  engagementId: string | null;
  createdAt: Date;
  goal: string;
  reality: string;
  options: string;
  will: string;
  makeItTen: string | null;
  commitment: number;
  targetId: string | null;
  visibility: Visibility;
}

export interface ActionRecord {
  id: string;
  leaderId: string;
  engagementId: string | null;
  checkInId: string;
  /** The visibility of the check-in that made this action: an action is part of it. */
  visibility: Visibility;
  text: string;
  status: ActionStatus;
  dueAt: Date;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface ReflectionRecord {
  id: string;
  leaderId: string;
  engagementId: string | null;
  /** follow_up | session_prep | review | coachability_* | moment … */
  kind: string;
  /** Answers keyed by question id; a moment's note is `{ note }`. */
  body: Record<string, string>;
  rating: number | null;
  permalink: string | null;
  visibility: Visibility;
  createdAt: Date;
  actionId: string | null;
}

export interface TargetRecord {
  id: string;
  engagementId: string;
  position: number;
  description: string;
  baseline: number;
  level: number | null;
  midpointRating: number | null;
  closingRating: number | null;
}

export interface SessionRecord {
  id: string;
  engagementId: string;
  seq: number;
  scheduledAt: Date;
  status: SessionStatus;
}

/** Everything Grow holds about one leader in one engagement, any visibility. */
export interface LeaderRecord {
  engagement: EngagementParties;
  checkIns: CheckInRecord[];
  actions: ActionRecord[];
  reflections: ReflectionRecord[];
  targets: TargetRecord[];
  sessions: SessionRecord[];
}

/** A check-in as the coach sees it: goal and score always, the rest only when shared. */
export interface CoachCheckIn {
  id: string;
  createdAt: Date;
  visibility: 'summary' | 'shared';
  goal: string;
  commitment: number;
  targetId: string | null;
  detail: { reality: string; options: string; will: string; makeItTen: string | null } | null;
}

export interface CoachAction {
  id: string;
  status: ActionStatus;
  dueAt: Date;
  createdAt: Date;
  answeredAt: Date | null;
  /** Only when the check-in it came from was shared. */
  text: string | null;
}

export interface CoachReflection {
  id: string;
  kind: string;
  createdAt: Date;
  visibility: 'summary' | 'shared';
  rating: number | null;
  actionId: string | null;
  /** Only when shared. */
  body: Record<string, string> | null;
}

export interface CoachMoment {
  id: string;
  createdAt: Date;
  visibility: 'summary' | 'shared';
  /** Both only when shared: the link says which conversation the leader chose. */
  note: string | null;
  permalink: string | null;
}

/** A target as the coach sees it: all of it but the engagement it belongs to. */
export type CoachTarget = Omit<TargetRecord, 'engagementId'>;

export interface CoachSession {
  id: string;
  seq: number;
  scheduledAt: Date;
  status: SessionStatus;
}

/** The only input a coach-facing surface accepts. Lists are oldest first. */
export interface CoachView {
  engagementId: string;
  leaderId: string;
  checkIns: CoachCheckIn[];
  actions: CoachAction[];
  reflections: CoachReflection[];
  moments: CoachMoment[];
  targets: CoachTarget[];
  sessions: CoachSession[];
}
