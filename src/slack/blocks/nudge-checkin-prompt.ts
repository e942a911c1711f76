// The DM a few hours after a session: an invitation to capture the Will while it is
// fresh, through the GROW check-in modal (opened by the click handler, not here).
import { defaultQuestion } from '../../domain/questions/draw.js';
import { encodeNudgeValue } from '../nudge-button-value.js';
import { actionsBlock, context, message, section } from './kit.js';
import type { NudgeMessage } from './nudge-message.js';
import { NUDGE_ACTIONS } from '../ids.js';

export const CHECKIN_PROMPT_BLOCK_ID = 'checkin_prompt_actions';

export interface CheckInPromptInput {
  nudgeId: string;
  sessionId?: string | null;
  /** What it opens with, drawn from the bank for this leader (its first when absent). */
  question?: string;
}

export function buildCheckInPromptMessage(input: CheckInPromptInput): NudgeMessage {
  const value = encodeNudgeValue({ nudgeId: input.nudgeId, ...(input.sessionId ? { sessionId: input.sessionId } : {}) });
  return message({
    notification: 'Grow: what will you do before your next session?',
    blocks: [
      section(`*${input.question ?? defaultQuestion('checkin_prompt')}*`),
      actionsBlock(CHECKIN_PROMPT_BLOCK_ID, [{ text: 'Check in', actionId: NUDGE_ACTIONS.checkInOpen, value, style: 'primary' }]),
      context('A GROW check-in takes a few minutes: Goal, Reality, Options, and the Will, what you will do before your next session. You can also type `/grow`.'),
    ],
  });
}
