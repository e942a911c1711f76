// What in an engagement may need the coach's attention, read only from the coach's view
// (src/domain/privacy) and the pulse rounds the leader shared. Each signal is a fact the
// coach could already see and is put to them as a question; none is a verdict. The
// roster and the digest order leaders by how much there is to ask about.
import { midpointIndex } from '../planner/timeline.js';
import type { PulseStage } from '../pulse/rules.js';
import type { CoachView } from '../privacy/index.js';

const DAY_MS = 86_400_000;
/** Below this on the latest check-in the coach sees, the goal may not be the leader's yet. */
export const LOW_COMMITMENT = 8;
/** A follow-up is sent when the action falls due; this long without an answer is silence. */
export const FOLLOW_UP_SILENCE_MS = 2 * DAY_MS;
/** A session this long past its time and not marked held or cancelled is worth a question. */
export const UNMARKED_AFTER_MS = 4 * 3_600_000;

export type ReviewStage = 'midpoint' | 'closing';

export type AttentionSignal =
  | { kind: 'low_commitment'; score: number }
  | { kind: 'not_yet_twice' }
  | { kind: 'follow_ups_unanswered' }
  | { kind: 'contracting_pending' }
  | { kind: 'review_due'; stage: ReviewStage }
  | { kind: 'review_done'; stage: ReviewStage }
  | { kind: 'session_unmarked'; seq: number }
  | { kind: 'pulse_shared'; stage: PulseStage };

/** How much each signal weighs when leaders are ordered by need. */
const WEIGHT: Record<AttentionSignal['kind'], number> = {
  follow_ups_unanswered: 5,
  not_yet_twice: 5,
  low_commitment: 4,
  contracting_pending: 3,
  review_due: 3,
  session_unmarked: 2,
  pulse_shared: 1,
  review_done: 1,
};

function lowCommitment(view: CoachView): AttentionSignal | null {
  // The view holds summary and shared check-ins only: a private one never counts.
  const latest = view.checkIns.at(-1);
  return latest && latest.commitment < LOW_COMMITMENT ? { kind: 'low_commitment', score: latest.commitment } : null;
}

function notYetTwice(view: CoachView): AttentionSignal | null {
  const answered = view.actions.filter((a) => a.answeredAt !== null).sort((a, b) => a.answeredAt!.getTime() - b.answeredAt!.getTime());
  const lastTwo = answered.slice(-2);
  return lastTwo.length === 2 && lastTwo.every((a) => a.status === 'not_yet') ? { kind: 'not_yet_twice' } : null;
}

function followUpsUnanswered(view: CoachView, now: Date): AttentionSignal | null {
  // The follow-ups already sent and given time: the last two of them, both unanswered.
  const asked = view.actions.filter((a) => now.getTime() - a.dueAt.getTime() >= FOLLOW_UP_SILENCE_MS).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const lastTwo = asked.slice(-2);
  return lastTwo.length === 2 && lastTwo.every((a) => a.answeredAt === null && a.status === 'open') ? { kind: 'follow_ups_unanswered' } : null;
}

function reviews(view: CoachView, now: Date): AttentionSignal[] {
  const live = view.sessions.filter((s) => s.status !== 'cancelled');
  if (live.length === 0 || view.targets.length === 0) return [];
  const out: AttentionSignal[] = [];
  const stages: [ReviewStage, number, boolean][] = [
    ['midpoint', midpointIndex(live.length) - 1, view.targets.every((t) => t.midpointRating !== null)],
    ['closing', live.length - 1, view.targets.every((t) => t.closingRating !== null)],
  ];
  for (const [stage, index, done] of stages) {
    if (done) out.push({ kind: 'review_done', stage });
    else if (live[index]!.scheduledAt.getTime() <= now.getTime()) out.push({ kind: 'review_due', stage });
  }
  // The closing review supersedes the midpoint's.
  const closing = out.find((s) => 'stage' in s && s.stage === 'closing');
  return closing ? [closing] : out;
}

function unmarkedSession(view: CoachView, now: Date): AttentionSignal | null {
  const past = view.sessions.filter((s) => s.status === 'scheduled' && now.getTime() - s.scheduledAt.getTime() >= UNMARKED_AFTER_MS);
  const last = past.at(-1);
  return last ? { kind: 'session_unmarked', seq: last.seq } : null;
}

/**
 * The signals of one running engagement. `sharedPulse` is what `sharedPulseStagesOf`
 * returned: the stages whose stakeholder results the leader shared with this coach.
 */
export function attentionOf(view: CoachView, sharedPulse: PulseStage[], now: Date): AttentionSignal[] {
  const signals: (AttentionSignal | null)[] = [
    followUpsUnanswered(view, now),
    notYetTwice(view),
    lowCommitment(view),
    view.targets.length === 0 ? { kind: 'contracting_pending' } : null,
    ...reviews(view, now),
    unmarkedSession(view, now),
    ...sharedPulse.map((stage): AttentionSignal => ({ kind: 'pulse_shared', stage })),
  ];
  return signals.filter((s): s is AttentionSignal => s !== null);
}

export const needOf = (signals: AttentionSignal[]): number => signals.reduce((sum, s) => sum + WEIGHT[s.kind], 0);

/** Whether a leader gets the coach's full attention in the digest, not one line. */
export const needsAttention = (signals: AttentionSignal[]): boolean => signals.some((s) => WEIGHT[s.kind] >= 2);

/** The question a signal puts to the coach; the leader is "they" throughout. */
export function attentionQuestion(signal: AttentionSignal): string {
  switch (signal.kind) {
    case 'low_commitment':
      return `Their latest commitment was ${signal.score}/10. Is the goal still theirs, or has the action grown too big?`;
    case 'not_yet_twice':
      return 'They answered "Not yet" twice in a row. What is getting in the way, and is the action the right size?';
    case 'follow_ups_unanswered':
      return 'The last two follow-ups went unanswered. Are the follow-ups still useful to them, and is the action still theirs?';
    case 'contracting_pending':
      return 'Contracting is not done yet. When will you agree their targets together?';
    case 'review_due':
      return `The ${signal.stage} review is due. Will you make room for it in your next session?`;
    case 'review_done':
      return `They did the ${signal.stage} review. What do their ratings say next to their baseline?`;
    case 'session_unmarked':
      return `Session ${signal.seq} is past and not marked. Was it held?`;
    case 'pulse_shared':
      return `They shared their ${signal.stage} stakeholder pulse with you. What stands out, and what would they make of it?`;
  }
}

export interface NeedRanked {
  leaderId: string;
  signals: AttentionSignal[];
  nextSessionAt: Date | null;
}

/** Most in need first; then the soonest session; then a stable order by leader. */
export function byNeed(a: NeedRanked, b: NeedRanked): number {
  const soonest = (x: NeedRanked) => x.nextSessionAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return needOf(b.signals) - needOf(a.signals) || soonest(a) - soonest(b) || a.leaderId.localeCompare(b.leaderId);
}
