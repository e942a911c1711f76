// The one reminder to a leader who accepted coaching but has not set their targets yet:
// the same "Set your targets" button as the invitation and App Home.
import { encodeEngagementValue } from '../engagement-button-value.js';
import { actionsBlock, context, message, section } from './kit.js';
import type { NudgeMessage } from './nudge-message.js';
import { ENGAGEMENT_ACTIONS } from '../ids.js';

export function contractingReminderMessage(input: { engagementId: string; coachId: string }): NudgeMessage {
  return message({
    notification: 'Grow: what do you want to change? Your targets are still to set.',
    blocks: [
      section(`*What do you want to change?* Your coaching with <@${input.coachId}> starts from up to three targets and a few questions about coaching. It takes about five minutes.`),
      actionsBlock('contracting_reminder', [{ text: 'Set your targets', actionId: ENGAGEMENT_ACTIONS.contractingOpen, value: encodeEngagementValue(input.engagementId), style: 'primary' }]),
      context('This is the only reminder. You can also set them from the Grow Home tab.'),
    ],
  });
}
