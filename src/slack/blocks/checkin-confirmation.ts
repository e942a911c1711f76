// The DM after a saved check-in: the leader's Will, when it is due, when Grow will ask.
// The Will is quoted in the blocks only; the notification says no more than "saved".
import { quoteUserText } from '../mrkdwn.js';
import { context, message, section, type Message } from './kit.js';

export interface ConfirmationInput {
  will: string;
  dueLabel: string;
  followUpLabel?: string;
  commitment: number;
}

export function checkInConfirmation(input: ConfirmationInput): Message {
  const when = input.followUpLabel ? `I'll ask how it went on ${input.followUpLabel}.` : 'Type `/grow` whenever you want to check in again.';
  return message({
    notification: 'Grow: your check-in is saved.',
    blocks: [
      section(`*Check-in saved.* Your commitment (${input.commitment}/10), due ${input.dueLabel}:\n>${quoteUserText(input.will, 2800).replace(/\n/g, '\n>')}`),
      context(when),
    ],
  });
}
