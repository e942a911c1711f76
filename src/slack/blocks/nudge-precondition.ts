// The short nudge before an action is due about what the leader said would make it a
// 10, and the message it becomes once answered. The leader's words are quoted, escaped.
import { LIMITS } from '../../domain/checkin/rules.js';
import { encodeNudgeValue } from '../nudge-button-value.js';
import { NUDGE_ACTIONS } from '../ids.js';
import { quoteUserText } from '../mrkdwn.js';
import { actionsBlock, context, message, section } from './kit.js';
import type { NudgeMessage } from './nudge-message.js';

export const PRECONDITION_BLOCK_ID = 'precondition_actions';

export interface PreconditionInput {
  nudgeId: string;
  actionId: string;
  makeItTen: string;
  /** When Grow will ask about the action itself, as the leader reads it. */
  followUpLabel: string;
}

export function buildPreconditionMessage(input: PreconditionInput): NudgeMessage {
  const value = encodeNudgeValue({ nudgeId: input.nudgeId, actionId: input.actionId });
  return message({
    notification: 'Grow: what would make your action a 10 — is it in place?',
    blocks: [
      section(`You said this would make your action a 10:\n>${quoteUserText(input.makeItTen, LIMITS.makeItTen).replace(/\n/g, '\n>')}\n*Is it in place?*`),
      actionsBlock(PRECONDITION_BLOCK_ID, [
        { text: 'Yes, done', actionId: NUDGE_ACTIONS.preconditionDone, value, style: 'primary' },
        { text: 'Not yet', actionId: NUDGE_ACTIONS.preconditionNotYet, value },
      ]),
      context(`I'll ask about the action itself on ${input.followUpLabel}.`),
    ],
  });
}

/** The same message once answered: the answer, and for "not yet" a question with a place to answer it. */
export function preconditionAnsweredMessage(answer: 'done' | 'not_yet', nudgeId: string): NudgeMessage {
  if (answer === 'done') {
    return message({ notification: 'Grow: noted, it is in place.', blocks: [section('✅ *In place.* Nothing stands between you and your action now.')] });
  }
  return message({
    notification: 'Grow: noted, not yet in place.',
    blocks: [
      section('⏳ *Not yet.* What is the smallest step that would put it in place? If the action no longer fits, a new check-in can reshape it.'),
      actionsBlock(PRECONDITION_BLOCK_ID, [{ text: 'Check in', actionId: NUDGE_ACTIONS.checkInOpen, value: encodeNudgeValue({ nudgeId }) }]),
    ],
  });
}
