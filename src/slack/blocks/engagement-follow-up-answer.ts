// A follow-up DM after the leader answered it: the action stays quoted, the buttons give
// way to the answer and a question back (Reflect… stays, for what made it work). Stale
// clicks get the recorded answer, never an error.
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import type { Visibility } from '../../domain/checkin/rules.js';
import { ANSWER_TEXT, isAnswer, STALE_TEXT, type FollowUpAnswer, type StaleReason } from '../../domain/engagement/follow-up.js';
import type { Style } from '../../domain/engagement/style.js';
import { encodeNudgeValue } from '../nudge-button-value.js';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { actionsBlock, context, message, section, type Block, type Message } from './kit.js';
import { buildFollowUpMessage } from './nudge-follow-up.js';
import { userTextSection } from './nudge-message.js';
import { NUDGE_ACTIONS } from '../ids.js';
import { NEXT_ACTION_BUTTON } from './next-action.js';

export const FOLLOW_UP_DONE_BLOCK_ID = 'followup_answered';
export const FOLLOW_UP_NEXT_BLOCK_ID = 'followup_next';

export interface AnsweredView {
  nudgeId: string;
  actionId: string;
  actionText: string;
  dueAt: Date;
  status: string;
  answeredAt: Date | null;
  tz: string;
  /** The question asked back, as it was asked; the bank's first for the answer otherwise. */
  question?: string;
  /** Offer "Make this my next action": a reflection on it says what the leader will try next. */
  tryNext?: boolean;
  /** While the action is open: the follow-up's heading as it was asked, and the engagement's style. */
  heading?: string;
  style?: Style;
}

const quoted = (v: AnsweredView) => userTextSection(`_Your action, due ${formatLocalDate(v.dueAt, v.tz)}:_`, v.actionText);

const nextActionButton = (v: AnsweredView) => ({
  text: NEXT_ACTION_BUTTON,
  actionId: NUDGE_ACTIONS.followUpNextAction,
  value: encodeNudgeValue({ nudgeId: v.nudgeId, actionId: v.actionId }),
  style: 'primary' as const,
});

function answered(v: AnsweredView, answer: FollowUpAnswer, note?: string, tryNext = v.tryNext ?? false): Message {
  const { label } = ANSWER_TEXT[answer];
  const question = v.question ?? ANSWER_TEXT[answer].question;
  const blocks: Block[] = [
    quoted(v),
    section(`*${label}* ${question}`),
    actionsBlock(FOLLOW_UP_DONE_BLOCK_ID, [
      { text: 'Reflect…', actionId: NUDGE_ACTIONS.followUpReflect, value: encodeNudgeValue({ nudgeId: v.nudgeId, actionId: v.actionId }) },
      ...(tryNext ? [nextActionButton(v)] : []),
    ]),
  ];
  const when = v.answeredAt ? `Answered ${formatLocalDate(v.answeredAt, v.tz)}.` : undefined;
  const footer = [when, note].filter(Boolean).join(' ');
  if (footer) blocks.push(context(footer));
  return message({ notification: `Grow: ${label} ${question}`, blocks });
}

export const answeredMessage = (v: AnsweredView, answer: FollowUpAnswer): Message => answered(v, answer);

export function snoozedMessage(v: AnsweredView, followUpAt: Date): Message {
  const line = `😴 Snoozed. I’ll ask again on *${formatLocalDate(followUpAt, v.tz)}*.`;
  return message({ notification: `Grow: snoozed until ${formatLocalDate(followUpAt, v.tz)}.`, blocks: [quoted(v), section(line)] });
}

/** A click that no longer applies: show what is recorded, change nothing. */
export function staleFollowUpMessage(v: AnsweredView | null, reason: StaleReason): Message {
  if (v && isAnswer(v.status as FollowUpAnswer)) return answered(v, v.status as FollowUpAnswer);
  const line =
    reason === 'answered' && v?.status === 'dropped'
      ? 'You have a newer action since this one, so nothing was changed.'
      : STALE_TEXT[reason === 'answered' ? 'gone' : reason];
  return message({ notification: `Grow: ${line}`, blocks: [...(v ? [quoted(v)] : []), section(line)] });
}

/** After Reflect…: the message as it stood, with a note that the reflection is kept. */
/** `tryNext`: the reflection says what the leader will try next, so it can become their next action. */
export function reflectedMessage(v: AnsweredView, visibility: Visibility, tryNext = false): Message {
  const note = `📝 Reflection saved — ${VISIBILITY_TEXT[visibility].toLowerCase()}.`;
  if (isAnswer(v.status as FollowUpAnswer)) return answered(v, v.status as FollowUpAnswer, note, tryNext);
  if (v.status !== 'open') return message({ notification: 'Grow: reflection saved.', blocks: [quoted(v), context(note)] });
  const open = buildFollowUpMessage({ nudgeId: v.nudgeId, actionId: v.actionId, actionText: v.actionText, dueAt: v.dueAt, tz: v.tz, heading: v.heading, style: v.style });
  const next = tryNext ? [actionsBlock(FOLLOW_UP_NEXT_BLOCK_ID, [nextActionButton(v)])] : [];
  return message({ notification: 'Grow: reflection saved.', blocks: [...open.blocks.filter((b) => b.type !== 'context'), ...next, context(note)] });
}
