// The second gate: what a sponsor (and a programme admin's per-engagement row) may know of
// an engagement. Process facts only: where it stands, sessions held of planned, whether
// contracting and the reviews are done and when, and the dates stakeholder pulse rounds
// closed. It reads the leader's record but copies no text, score, rating, answer or
// pause out of it, field by field into a type of its own. Only the engagement's sponsor
// gets a view; a declined invitation shows nothing to anyone but leader and coach.
import type { EngagementStatus, SessionStatus } from '../planner/types.js';

/** What the sponsor is told of where the engagement stands. */
export type SponsorStatus = 'invited' | 'active' | 'completed' | 'ended_early';

export const SPONSOR_STATUS_LABELS: Record<SponsorStatus, string> = {
  invited: 'invited',
  active: 'under way',
  completed: 'completed',
  ended_early: 'ended early',
};

/** What the gate reads: the engagement and its facts as stored (the leader's words never reach it). */
export interface SponsorRecord {
  engagement: {
    id: string;
    teamId: string;
    coachId: string;
    leaderId: string;
    sponsorId: string | null;
    programme: string | null;
    status: EngagementStatus;
    sessionCount: number;
  };
  sessions: { status: SessionStatus }[];
  /** When the leader saved their targets, if they have. */
  contractedAt: Date | null;
  /** When the leader answered each review, if they have. */
  reviews: { stage: 'midpoint' | 'closing'; answeredAt: Date | null }[];
  /** The stakeholder pulse's rounds: only when each closes is ever read. */
  pulseRounds: { closesAt: Date }[];
}

/** The only shape sponsor-facing code accepts. Dates only; no counts of anyone's answers. */
export interface SponsorView {
  engagementId: string;
  teamId: string;
  leaderId: string;
  coachId: string;
  sponsorId: string | null;
  programme: string | null;
  status: SponsorStatus;
  sessionsHeld: number;
  sessionsPlanned: number;
  contractedOn: Date | null;
  midpointReviewOn: Date | null;
  closingReviewOn: Date | null;
  /** When each pulse round that has closed took place (its closing day), never what it found. */
  pulseRoundsOn: Date[];
}

/** The sentences the invitation shows the leader: generated from the same fields as the view. */
export const SPONSOR_SEES = [
  'where the engagement stands: invited, under way, completed or ended early',
  'how many sessions have been held of those planned',
  'whether and when contracting, the midpoint review and the closing review were done',
  'the dates stakeholder pulse rounds took place',
] as const;

export const SPONSOR_NEVER_SEES =
  'never anything you write, no commitment score, rating or answer of yours, not why you paused, and no stakeholder answers';

function statusOf(record: SponsorRecord, closingDone: boolean, held: number): SponsorStatus | null {
  switch (record.engagement.status) {
    case 'invited':
      return 'invited';
    case 'active':
      return 'active';
    case 'ended':
      return closingDone || held >= record.engagement.sessionCount ? 'completed' : 'ended_early';
    default:
      return null;
  }
}

const reviewOn = (record: SponsorRecord, stage: 'midpoint' | 'closing') => record.reviews.find((r) => r.stage === stage && r.answeredAt)?.answeredAt ?? null;

/**
 * Process facts of one engagement; `null` for a declined invitation. The programme report's
 * per-engagement rows are built here too, so sponsors and admins see the same facts.
 */
export function processFactsOf(record: SponsorRecord, now: Date): SponsorView | null {
  const e = record.engagement;
  const held = record.sessions.filter((s) => s.status === 'held').length;
  const closingReviewOn = reviewOn(record, 'closing');
  const status = statusOf(record, closingReviewOn !== null, held);
  if (!status) return null;
  return {
    engagementId: e.id,
    teamId: e.teamId,
    leaderId: e.leaderId,
    coachId: e.coachId,
    sponsorId: e.sponsorId,
    programme: e.programme,
    status,
    sessionsHeld: held,
    sessionsPlanned: e.sessionCount,
    contractedOn: record.contractedAt ? new Date(record.contractedAt) : null,
    midpointReviewOn: reviewOn(record, 'midpoint'),
    closingReviewOn,
    pulseRoundsOn: record.pulseRounds
      .filter((r) => r.closesAt.getTime() <= now.getTime())
      .map((r) => new Date(r.closesAt))
      .sort((a, b) => a.getTime() - b.getTime()),
  };
}

/** What `viewerId` may see as a sponsor: the process facts of an engagement they sponsor, else nothing. */
export function sponsorViewOf(viewerId: string, record: SponsorRecord, now: Date): SponsorView | null {
  const e = record.engagement;
  if (!e.sponsorId || viewerId !== e.sponsorId || viewerId === e.leaderId) return null;
  return processFactsOf(record, now);
}

/** A sponsor's answer as stored (decrypted), for `sponsorAnswersSeenBy`. */
export interface SponsorAnswerRecord {
  kind: 'outcomes' | 'change';
  text: string;
  sharedWithCoachAt: Date | null;
}

export interface SeenSponsorAnswers {
  sponsorId: string;
  /** Not confidential: leader and coach both see it. */
  outcomes: string | null;
  /** The leader sees it; the coach only once the leader shared it. */
  change: string | null;
  /** For the leader: whether the change seen is already with the coach. */
  changeShared: boolean;
}

/** What of the sponsor's answers `viewerId` (the leader or the coach) may read; null for anyone else. */
export function sponsorAnswersSeenBy(
  viewerId: string,
  engagement: { coachId: string; leaderId: string; sponsorId: string | null },
  answers: SponsorAnswerRecord[],
): SeenSponsorAnswers | null {
  if (!engagement.sponsorId) return null;
  const isLeader = viewerId === engagement.leaderId;
  if (!isLeader && viewerId !== engagement.coachId) return null;
  const outcomes = answers.find((a) => a.kind === 'outcomes')?.text ?? null;
  const change = answers.find((a) => a.kind === 'change');
  const changeShared = change?.sharedWithCoachAt != null;
  return { sponsorId: engagement.sponsorId, outcomes, change: change && (isLeader || changeShared) ? change.text : null, changeShared };
}
