// The brief a coach reads before a session, as data: the leader's targets with their
// ratings so far, recent goals, the commitment trend, what the leader wants from this
// session, what happened with their actions and the moments they saved — since the
// previous session, and only as the coach's view has it.
import { sessionProgress, type SessionProgress } from '../engagement/progress.js';
import type { CheckInRecord, CoachSession, CoachView } from '../privacy/index.js';
import { uniqueNewestFirst, type DigestAction } from './compose-digest.js';
import { resistanceText, sharedAnswersOf, sharedItemsOf, type SharedAnswer, type SharedItem } from './shared-answers.js';
import { signalsOf, type Signal } from './signals.js';
import { COACHABILITY_QUESTIONS, RESISTANCES, type Resistance } from '../engagement/contracting.js';
import { foundationQuestion } from '../engagement/levels.js';
import { OPENING_QUESTIONS, styleForResistance, type Style } from '../engagement/style.js';

const COACHABILITY_PREFIX = 'coachability_';
const coachabilityQuestionOf = (kind: string): string => {
  const id = kind.slice(COACHABILITY_PREFIX.length);
  return Object.hasOwn(COACHABILITY_QUESTIONS, id) ? COACHABILITY_QUESTIONS[id as keyof typeof COACHABILITY_QUESTIONS] : 'A rating at contracting';
};

/** The trend shows at most this many scores, the latest last. */
export const TREND_POINTS = 10;

export interface BriefTarget {
  position: number;
  description: string;
  level: number | null;
  baseline: number;
  midpointRating: number | null;
  closingRating: number | null;
}

/** The words of a check-in the leader shared in full. */
export type BriefCheckIn = Pick<CheckInRecord, 'createdAt' | 'goal' | 'reality' | 'options' | 'will' | 'makeItTen'>;

export type BriefPrep = { visibility: 'shared'; answers: SharedAnswer[] } | { visibility: 'summary' } | null;

export interface BriefModel {
  leaderId: string;
  engagementId: string;
  session: { id: string; seq: number; scheduledAt: Date };
  /** This session as "k of n", counted by time the way every surface counts (`sessionProgress`). */
  progress: SessionProgress;
  /** The previous session, from which "since last time" is counted; null before the first. */
  previousAt: Date | null;
  targets: BriefTarget[];
  goals: string[];
  commitments: number[];
  /** The latest check-in since the previous session that the leader shared in full. */
  latestShared: BriefCheckIn | null;
  /** The latest session prep since the previous session. */
  prep: BriefPrep;
  actions: DigestAction[];
  shared: SharedItem[];
  summarisedCount: number;
  signals: Signal[];
  /** Ratings the leader gave at contracting and did not keep private (the openness rating). */
  contractingRatings: { question: string; rating: number }[];
  /** Whether the foundation comes first, asked from the targets the coach sees; null when it does not arise. */
  foundation?: string | null;
  /** How the leader came in, only when they shared their contracting answer. */
  opening?: BriefOpening | null;
}

/** The form of resistance the leader named and shared, the style it set, and how the first session might open. */
export interface BriefOpening {
  resistance: string;
  style: Exclude<Style, 'standard'>;
  /** Only for the first session. */
  questions: readonly string[];
}

/** Read only from what the view holds: a summarised or private answer has no body, so it says nothing. */
function openingOf(view: CoachView, firstSession: boolean): BriefOpening | null {
  const answer = view.reflections.find((r) => r.kind === 'coachability_resistance')?.body?.resistance;
  if (!answer) return null;
  const style = styleForResistance(answer);
  if (style === 'standard') return null;
  return { resistance: resistanceText(answer), style, questions: firstSession ? OPENING_QUESTIONS[style] : [] };
}

function previousSession(sessions: CoachSession[], session: CoachSession): CoachSession | undefined {
  return sessions.filter((s) => s.status !== 'cancelled' && s.scheduledAt.getTime() < session.scheduledAt.getTime()).at(-1);
}

/** The brief for `sessionId`, or null when the view has no such session. */
export function composeBrief(view: CoachView, sessionId: string, now: Date): BriefModel | null {
  const session = view.sessions.find((s) => s.id === sessionId);
  if (!session) return null;
  const previous = previousSession(view.sessions, session);
  const sinceMs = previous?.scheduledAt.getTime() ?? Number.NEGATIVE_INFINITY;
  const recent = <T extends { createdAt: Date }>(items: T[]) => items.filter((i) => i.createdAt.getTime() >= sinceMs);
  const prepRow = recent(view.reflections).filter((r) => r.kind === 'session_prep').at(-1);
  const { shared, summarisedCount } = sharedItemsOf(recent(view.reflections).filter((r) => r.kind !== 'session_prep'), recent(view.moments));
  const fullCheckIn = recent(view.checkIns).filter((c) => c.detail !== null).at(-1);
  const goalSource = recent(view.checkIns).length > 0 ? recent(view.checkIns) : view.checkIns.slice(-1);
  return {
    leaderId: view.leaderId,
    engagementId: view.engagementId,
    session: { id: session.id, seq: session.seq, scheduledAt: session.scheduledAt },
    progress: sessionProgress(view.sessions, session.scheduledAt),
    previousAt: previous?.scheduledAt ?? null,
    targets: view.targets.map((t) => ({
      position: t.position,
      description: t.description,
      level: t.level,
      baseline: t.baseline,
      midpointRating: t.midpointRating,
      closingRating: t.closingRating,
    })),
    foundation: foundationQuestion(view.targets),
    goals: uniqueNewestFirst(goalSource.map((c) => c.goal)),
    commitments: view.checkIns.slice(-TREND_POINTS).map((c) => c.commitment),
    latestShared: fullCheckIn?.detail ? { createdAt: fullCheckIn.createdAt, goal: fullCheckIn.goal, ...fullCheckIn.detail } : null,
    prep: !prepRow ? null : prepRow.visibility === 'shared' ? { visibility: 'shared', answers: sharedAnswersOf(prepRow) } : { visibility: 'summary' },
    actions: view.actions
      .filter((a) => a.status === 'open' || a.createdAt.getTime() >= sinceMs || (a.answeredAt?.getTime() ?? -Infinity) >= sinceMs)
      .map((a) => ({ text: a.text, status: a.status, dueAt: a.dueAt })),
    shared,
    summarisedCount,
    signals: signalsOf(view, now),
    contractingRatings: view.reflections
      .filter((r) => r.kind.startsWith(COACHABILITY_PREFIX) && r.rating !== null)
      .map((r) => ({ question: coachabilityQuestionOf(r.kind), rating: r.rating! })),
    opening: openingOf(view, previous === undefined),
  };
}
