// The DM after a saved check-in: the leader's Will, when it is due, when Grow will ask.
import { quoteUserText } from '../mrkdwn.js';
import { context, section, type Block } from './kit.js';

export interface ConfirmationInput {
  will: string;
  dueLabel: string;
  followUpLabel?: string;
  commitment: number;
}

export function checkInConfirmation(input: ConfirmationInput): { text: string; blocks: Block[] } {
  const when = input.followUpLabel ? `I'll ask how it went on ${input.followUpLabel}.` : 'Type `/grow` whenever you want to check in again.';
  return {
    text: `Check-in saved. Your commitment: ${input.will.slice(0, 200)}`,
    blocks: [
      section(`*Check-in saved.* Your commitment (${input.commitment}/10), due ${input.dueLabel}:\n>${quoteUserText(input.will, 2800).replace(/\n/g, '\n>')}`),
      context(when),
    ],
  };
}
