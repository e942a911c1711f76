// The session recap: the coach's modal, and the leader's DM with "Make this my action",
// which opens the check-in with the recap as their action, to change before saving.
import type { View } from '@slack/types';
import { RECAP_MAX, recapPieces } from '../../domain/notes/recap.js';
import { quoteUserText } from '../mrkdwn.js';
import { encodeRecapAction } from '../engagement-button-value.js';
import { coachEngagementModal } from './coach-engagement-modal.js';
import { CALLBACKS, COACH_ACTIONS } from '../ids.js';
import { actionsBlock, context, message, section, textInput, type Message } from './kit.js';

export const RECAP_BLOCKS = ['recap'] as const;

export function recapModal(input: { engagementId: string; leaderId: string }): View {
  return coachEngagementModal({
    callbackId: CALLBACKS.coachRecap,
    title: 'Session recap',
    submit: 'Send recap',
    engagementId: input.engagementId,
    blocks: [
      section(`*What did you and <@${input.leaderId}> agree?* Grow sends it to them in a DM.`),
      textInput('recap', 'What we agreed', RECAP_MAX, { multiline: true, hint: 'One concrete thing they will do, in words they would use.' }),
      context(`<@${input.leaderId}> can turn it into their action with one click, and change it before saving. Grow keeps it encrypted, for them alone; it goes when they delete their data.`),
    ],
  });
}

// A piece of 500 characters escapes to at most 2,500 (`&` → `&amp;`): within a section's 3,000.
const PIECE = 500;

export function recapMessage(input: { recapId: string; coachId: string; text: string }): Message {
  return message({
    notification: 'Grow: a recap of your coaching session',
    blocks: [
      section(`*<@${input.coachId}> sent a recap of your session: what you agreed*`),
      ...recapPieces(input.text, PIECE).map((piece) => section(quoteUserText(piece, 2_900))),
      actionsBlock('recap_actions', [{ text: 'Make this my action', actionId: COACH_ACTIONS.recapMakeAction, value: encodeRecapAction(input.recapId), style: 'primary' }]),
      context('It opens your check-in with this as your action; change anything before you save. You choose what your coach sees, as always.'),
    ],
  });
}
