// The leader's answer to a follow-up, as rules: who may answer, when a click is stale
// (already answered, asked again since, engagement over), and the question Grow asks
// back. A stale click changes nothing; the message just catches up.
import type { EngagementStatus } from '../planner/types.js';
import { bankText } from '../questions/draw.js';
import type { Style } from './style.js';

export type FollowUpAnswer = 'done' | 'partly' | 'not_yet';
export type ActionStatus = 'open' | FollowUpAnswer | 'dropped';
export const SNOOZE_WORKING_DAYS = 2;

/** The moment a follow-up's heading is drawn at: the styles that word it their own way have their own. */
export function followUpHeadingUse(style: Style | null | undefined): 'follow_up' | 'follow_up_experiment' | 'follow_up_own' {
  if (style === 'experiment') return 'follow_up_experiment';
  if (style === 'goal_first') return 'follow_up_own';
  return 'follow_up';
}

export interface FollowUpClickFacts {
  clickerId: string;
  /** `actionId` is the action the nudge asked about (its ref), if any. */
  nudge: { recipientId: string; kind: string; actionId: string | null } | null;
  action: { id: string; leaderId: string; status: ActionStatus } | null;
  /** The engagement's status, or null for an action outside any engagement. */
  engagementStatus: EngagementStatus | null;
  /** A later follow-up about the same action has reached the leader since this one. */
  askedAgainSince: boolean;
}

export type StaleReason = 'answered' | 'superseded' | 'ended' | 'gone';
export type FollowUpVerdict = { kind: 'refuse' } | { kind: 'stale'; reason: StaleReason } | { kind: 'answer' };

/** `answering` is false for Reflect…, which may also follow an answer already given. */
export function judgeFollowUpClick(facts: FollowUpClickFacts, answering = true): FollowUpVerdict {
  const { nudge, action } = facts;
  // Ownership is judged on whichever row exists, before anything else: a made-up nudge
  // id next to someone else's action must not reveal that action as "out of date".
  if (action && action.leaderId !== facts.clickerId) return { kind: 'refuse' };
  if (nudge && (nudge.recipientId !== facts.clickerId || nudge.kind !== 'follow_up')) return { kind: 'refuse' };
  if (!nudge || !action) return { kind: 'stale', reason: 'gone' };
  // The clicker's own follow-up paired with another of their actions: not a click Grow offered.
  if (nudge.actionId !== action.id) return { kind: 'refuse' };
  if (facts.engagementStatus !== null && facts.engagementStatus !== 'active') return { kind: 'stale', reason: 'ended' };
  if (!answering) return { kind: 'answer' };
  if (action.status !== 'open') return { kind: 'stale', reason: 'answered' };
  if (facts.askedAgainSince) return { kind: 'stale', reason: 'superseded' };
  return { kind: 'answer' };
}

/**
 * What the message says once answered: the answer, then a question, never advice. The
 * question is drawn from the bank when asked; these are the bank's first for each answer.
 */
export const ANSWER_TEXT: Record<FollowUpAnswer, { label: string; question: string }> = {
  done: { label: '✅ Done — nice.', question: bankText('done-01')! },
  partly: { label: '◐ Partly.', question: bankText('partly-01')! },
  not_yet: { label: '⏳ Not yet.', question: bankText('notyet-01')! },
};

export const STALE_TEXT: Record<Exclude<StaleReason, 'answered'>, string> = {
  superseded: 'I asked about this again in a later message. Would you answer there?',
  ended: 'This coaching engagement has ended, so nothing was changed.',
  gone: 'This follow-up is out of date, so nothing was changed.',
};

export const isAnswer = (status: ActionStatus): status is FollowUpAnswer => status === 'done' || status === 'partly' || status === 'not_yet';
