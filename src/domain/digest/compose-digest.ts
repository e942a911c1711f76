// The weekly digest as data: for each of a coach's leaders, what happened this week
// that the leader lets the coach see, the next session, and questions worth bringing.
// Built only from coach views (src/domain/privacy); rendering is the Slack layer's.
import { attentionOf, byNeed, type AttentionSignal } from '../engagement/attention.js';
import type { PulseStage } from '../pulse/rules.js';
import { sessionProgress, type SessionProgress } from '../engagement/progress.js';
import type { ActionStatus, CoachView } from '../privacy/index.js';
import { sharedItemsOf, type SharedItem } from './shared-answers.js';
import { signalsOf, type Signal } from './signals.js';

export const DIGEST_WINDOW_MS = 7 * 86_400_000;

export interface DigestAction {
  /** Only when the leader shared the check-in it came from. */
  text: string | null;
  status: ActionStatus;
  dueAt: Date;
}

export interface DigestLeader {
  leaderId: string;
  engagementId: string;
  checkInCount: number;
  /** This week's commitment scores, oldest first. */
  scores: number[];
  /** This week's goals, newest first, each once. */
  goals: string[];
  actions: DigestAction[];
  shared: SharedItem[];
  /** Reflections and moments this week kept to a summary: their existence is all there is. */
  summarisedCount: number;
  nextSessionAt: Date | null;
  /** Session k of n, counted by time (`sessionProgress`). */
  progress: SessionProgress;
  signals: Signal[];
  /** What may need the coach's attention (src/domain/engagement/attention.ts). */
  attention: AttentionSignal[];
  /** When the brief for the next session reaches the coach within a day of the digest: the digest leaves the detail to it. */
  briefAt: Date | null;
}

/** What the digest reads besides the coach views, both drawn through src/domain/privacy or from the coach's own schedule. */
export interface DigestExtras {
  /** Per engagement, the pulse stages its leader shared with the coach (`sharedPulseStagesOf`). */
  sharedPulse?: ReadonlyMap<string, PulseStage[]>;
  /** When the brief for a session at this instant will go out, or null (`briefDueAt` on the coach's hours). */
  briefDueOf?: (sessionAt: Date) => Date | null;
}

/** A brief due within this long after the digest is "brief tomorrow" rather than repeated. */
export const BRIEF_SOON_MS = 86_400_000;

export interface DigestModel {
  since: Date;
  until: Date;
  leaders: DigestLeader[];
}

const within = (at: Date, since: Date, until: Date) => at.getTime() >= since.getTime() && at.getTime() <= until.getTime();

export function uniqueNewestFirst(values: string[]): string[] {
  return [...new Set([...values].reverse().map((v) => v.trim()).filter((v) => v.length > 0))];
}

function digestLeader(view: CoachView, since: Date, now: Date, extras: DigestExtras): DigestLeader {
  const inWeek = <T extends { createdAt: Date }>(items: T[]) => items.filter((i) => within(i.createdAt, since, now));
  const checkIns = inWeek(view.checkIns);
  const actions = view.actions.filter(
    (a) => a.status === 'open' || within(a.createdAt, since, now) || (a.answeredAt !== null && within(a.answeredAt, since, now)),
  );
  const { shared, summarisedCount } = sharedItemsOf(inWeek(view.reflections), inWeek(view.moments));
  const next = view.sessions.find((s) => s.status === 'scheduled' && s.scheduledAt.getTime() > now.getTime());
  const briefAt = next ? (extras.briefDueOf?.(next.scheduledAt) ?? null) : null;
  return {
    leaderId: view.leaderId,
    engagementId: view.engagementId,
    checkInCount: checkIns.length,
    scores: checkIns.map((c) => c.commitment),
    goals: uniqueNewestFirst(checkIns.map((c) => c.goal)),
    actions: actions.map((a) => ({ text: a.text, status: a.status, dueAt: a.dueAt })),
    shared,
    summarisedCount,
    nextSessionAt: next?.scheduledAt ?? null,
    progress: sessionProgress(view.sessions, now),
    signals: signalsOf(view, now),
    attention: attentionOf(view, extras.sharedPulse?.get(view.engagementId) ?? [], now),
    briefAt: briefAt && briefAt.getTime() - now.getTime() <= BRIEF_SOON_MS ? briefAt : null,
  };
}

/** The digest of the seven days before `now`; leaders most in need of attention first, then the soonest session. */
export function composeDigest(views: CoachView[], now: Date, extras: DigestExtras = {}): DigestModel {
  const since = new Date(now.getTime() - DIGEST_WINDOW_MS);
  const leaders = views.map((v) => digestLeader(v, since, now, extras)).sort((a, b) => byNeed({ ...a, signals: a.attention }, { ...b, signals: b.attention }));
  return { since, until: now, leaders };
}
