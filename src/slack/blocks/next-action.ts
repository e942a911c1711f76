// "Make this my next action": the small modal that turns what the leader will try next
// into their next action (the words, a date, who sees it, how committed they are), and
// the follow-up DM once it is saved.
import type { View } from '@slack/types';
import type { z } from 'zod';
import { formatLocalDate, formatLocalDateTime } from '../../domain/checkin/due-date.js';
import { LIMITS, type Visibility } from '../../domain/checkin/rules.js';
import type { NextActionStale } from '../../services/next-action.js';
import { reflectMetaSchema } from '../engagement-button-value.js';
import { CALLBACKS } from '../ids.js';
import { encodeJson } from '../metadata.js';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { ratingInput } from './engagement-inputs.js';
import { context, message, plain, section, textInput, type Block, type Message } from './kit.js';
import { userTextSection } from './nudge-message.js';
import { visibilityRadio } from './reflect-modal.js';

export const NEXT_ACTION_BUTTON = 'Make this my next action';

export function nextActionModal(input: { meta: z.input<typeof reflectMetaSchema>; tryNext: string; previousText: string; visibility: Visibility }): View {
  const blocks: Block[] = [
    userTextSection('_Your action so far:_', input.previousText, 2000),
    textInput('will', 'Your next action — what one thing will you do?', LIMITS.will, {
      initial: input.tryNext,
      hint:
        input.tryNext.length > LIMITS.will
          ? `An action fits in ${LIMITS.will} characters, so your answer is cut here; your reflection keeps all of it.`
          : 'One concrete action someone could see you do.',
    }),
    {
      type: 'input',
      block_id: 'will_due',
      optional: true,
      label: plain('By when?'),
      hint: plain('Leave empty for before your next session, or two weeks from today.'),
      element: { type: 'datepicker', action_id: 'will_due' },
    },
    ratingInput('commitment', 'How committed are you to doing it, 1 to 10?'),
    visibilityRadio(input.visibility),
    context('It is saved as a check-in with the same goal and becomes your current action; one you have not answered yet is closed.'),
  ];
  return {
    type: 'modal',
    callback_id: CALLBACKS.nextAction,
    title: plain('Next action'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: encodeJson(reflectMetaSchema, input.meta),
    blocks,
  };
}

export function nextActionSavedMessage(input: { previousText: string; will: string; dueAt: Date; followUpAt: Date | null; visibility: Visibility; tz: string }): Message {
  const when = input.followUpAt ? `I'll ask how it went on ${formatLocalDateTime(input.followUpAt, input.tz)}.` : 'Type `/grow` whenever you want to check in again.';
  return message({
    notification: 'Grow: your next action is saved.',
    blocks: [
      userTextSection('_Your previous action:_', input.previousText, 1000),
      userTextSection(`➡️ *Your next action*, due ${formatLocalDate(input.dueAt, input.tz)}:`, input.will, 1500),
      context(`Saved — ${VISIBILITY_TEXT[input.visibility].toLowerCase()}. ${when}`),
    ],
  });
}

const STALE_LINE: Record<NextActionStale, string> = {
  newer_action: 'You already have a newer action since this one, so nothing was changed.',
  no_try_next: 'There is no “what will you try next?” answer to turn into an action here, so nothing was changed.',
};

export function nextActionStaleMessage(input: { reason: NextActionStale; previousText: string | null }): Message {
  const line = STALE_LINE[input.reason];
  return message({ notification: `Grow: ${line}`, blocks: [...(input.previousText ? [userTextSection('_Your action:_', input.previousText, 1000)] : []), section(line)] });
}
