// The modals behind the "current action" buttons on the leader's Home: a new due date,
// or a replacement action with its date and who sees it.
import type { View } from '@slack/types';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { LIMITS, type Visibility } from '../../domain/checkin/rules.js';
import { coachSeesSentence } from '../../domain/privacy/promises.js';
import { CALLBACKS } from '../ids.js';
import { encodeJson } from '../metadata.js';
import { quoteUserText } from '../mrkdwn.js';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { context, option, plain, section } from './kit.js';

export const currentActionMetadataSchema = z.object({ actionId: z.string().uuid() });

export interface CurrentActionModalInput {
  actionId: string;
  text: string;
  dueAt: Date;
  tz: string;
}

const VISIBILITIES = ['private', 'summary', 'shared'] as const;

const localIsoDate = (at: Date, tz: string) => DateTime.fromJSDate(at, { zone: tz }).toISODate() ?? undefined;

function dueInput(label: string, initial: string | undefined) {
  return {
    type: 'input' as const,
    block_id: 'dueDate',
    label: plain(label),
    element: { type: 'datepicker' as const, action_id: 'dueDate', ...(initial ? { initial_date: initial } : {}) },
  };
}

export function actionDateModal(input: CurrentActionModalInput): View {
  return {
    type: 'modal',
    callback_id: CALLBACKS.actionDate,
    title: plain('Change the date'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: encodeJson(currentActionMetadataSchema, { actionId: input.actionId }),
    blocks: [
      section(`>${quoteUserText(input.text, 2000)}`),
      dueInput('By when?', localIsoDate(input.dueAt, input.tz)),
      context('Saving re-plans when Grow asks you how it went.'),
    ],
  };
}

export function actionReplaceModal(input: CurrentActionModalInput & { visibility: Visibility }): View {
  return {
    type: 'modal',
    callback_id: CALLBACKS.actionReplace,
    title: plain('Replace the action'),
    submit: plain('Replace'),
    close: plain('Cancel'),
    private_metadata: encodeJson(currentActionMetadataSchema, { actionId: input.actionId }),
    blocks: [
      context(`Instead of: ${quoteUserText(input.text, 500)}`),
      {
        type: 'input',
        block_id: 'will',
        label: plain('What will you do instead?'),
        element: { type: 'plain_text_input', action_id: 'will', max_length: LIMITS.will },
      },
      dueInput('By when?', localIsoDate(input.dueAt, input.tz)),
      {
        type: 'input',
        block_id: 'visibility',
        label: plain('Who sees this check-in?'),
        element: {
          type: 'radio_buttons',
          action_id: 'visibility',
          options: VISIBILITIES.map((v) => option(VISIBILITY_TEXT[v], v)),
          initial_option: option(VISIBILITY_TEXT[input.visibility], input.visibility),
        },
      },
      // Every choice with what the coach will see under it, in the words the privacy rule is written in.
      context(...VISIBILITIES.map((v) => `*${VISIBILITY_TEXT[v]}*: ${coachSeesSentence('check_in', v)}`)),
    ],
  };
}
