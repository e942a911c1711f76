// The DM after a saved check-in: the leader's Will, when it is due, when Grow will ask.
// The Will is quoted in the blocks only; the notification says no more than "saved".
import { quoteUserText } from '../mrkdwn.js';
import { CHECKIN_ACTIONS } from '../ids.js';
import { actionsBlock, context, message, section, type Message } from './kit.js';

export interface ConfirmationInput {
  will: string;
  dueLabel: string;
  followUpLabel?: string;
  commitment: number;
  /** The saved check-in: an Edit button for its first 24 hours. */
  checkInId?: string;
  /** True when this confirms an edit rather than a new check-in. */
  edited?: boolean;
}

export function checkInConfirmation(input: ConfirmationInput): Message {
  const when = input.followUpLabel ? `I'll ask how it went on ${input.followUpLabel}.` : 'Type `/grow` whenever you want to check in again.';
  return message({
    notification: input.edited ? 'Grow: your check-in is updated.' : 'Grow: your check-in is saved.',
    blocks: [
      section(`*${input.edited ? 'Check-in updated' : 'Check-in saved'}.* Your commitment (${input.commitment}/10), due ${input.dueLabel}:\n>${quoteUserText(input.will, 2800).replace(/\n/g, '\n>')}`),
      context(when),
      ...(input.checkInId ? [actionsBlock('checkin_edit', [{ text: 'Edit', actionId: CHECKIN_ACTIONS.edit, value: input.checkInId }]), context('You can edit this check-in for 24 hours.')] : []),
    ],
  });
}
