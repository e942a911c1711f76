// Signals a coach might want to bring to a session, read only from the coach's view and
// phrased as questions: Grow notices, the coach asks. Each one is something the coach
// could already see; none is a verdict about the leader.
import type { CoachView } from '../privacy/index.js';

const DAY_MS = 86_400_000;
/** No shared or summarised check-in for this long is worth asking about. */
export const QUIET_AFTER_MS = 14 * DAY_MS;
/** A follow-up is sent when the action falls due; this long without an answer is silence. */
export const UNANSWERED_AFTER_MS = 2 * DAY_MS;
/** A drop this large from the recent high is worth a question. */
export const COMMITMENT_DROP = 2;
const TREND_WINDOW = 4;

export type Signal =
  | { kind: 'quiet'; days: number }
  | { kind: 'commitment_dropping'; from: number; to: number }
  | { kind: 'follow_ups_unanswered'; count: number };

function quiet(view: CoachView, now: Date): Signal | null {
  const last = view.checkIns.at(-1)?.createdAt;
  // Measured from the first session when there is no check-in at all: a fresh
  // engagement is not quiet.
  const since = last ?? view.sessions.find((s) => s.status !== 'cancelled')?.scheduledAt;
  if (!since) return null;
  const gap = now.getTime() - since.getTime();
  return gap >= QUIET_AFTER_MS ? { kind: 'quiet', days: Math.floor(gap / DAY_MS) } : null;
}

function commitmentDropping(view: CoachView, now: Date): Signal | null {
  const recent = view.checkIns.filter((c) => c.createdAt.getTime() <= now.getTime()).slice(-TREND_WINDOW);
  if (recent.length < 2) return null;
  const to = recent.at(-1)!.commitment;
  const from = Math.max(...recent.slice(0, -1).map((c) => c.commitment));
  return from - to >= COMMITMENT_DROP ? { kind: 'commitment_dropping', from, to } : null;
}

function followUpsUnanswered(view: CoachView, now: Date): Signal | null {
  const count = view.actions.filter((a) => a.status === 'open' && a.answeredAt === null && now.getTime() - a.dueAt.getTime() >= UNANSWERED_AFTER_MS).length;
  return count > 0 ? { kind: 'follow_ups_unanswered', count } : null;
}

export function signalsOf(view: CoachView, now: Date): Signal[] {
  return [quiet(view, now), commitmentDropping(view, now), followUpsUnanswered(view, now)].filter((s): s is Signal => s !== null);
}

/** The question a signal puts to the coach; the leader is "they" throughout. */
export function signalQuestion(signal: Signal): string {
  switch (signal.kind) {
    case 'quiet':
      return `Nothing shared for ${signal.days} days. What has been taking their attention, and what would make checking in worth their time?`;
    case 'commitment_dropping':
      return `Commitment went from ${signal.from} to ${signal.to}. Is the goal still the right one, or has the action grown too big?`;
    case 'follow_ups_unanswered':
      return signal.count === 1
        ? 'A follow-up on their action has gone unanswered. What got in the way, and is the action still theirs?'
        : `Follow-ups on ${signal.count} actions have gone unanswered. What got in the way, and are these actions still theirs?`;
  }
}
