// "Save as coaching moment": a note about why a message matters, and who may see it.
import type { View } from '@slack/types';
import { z } from 'zod';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { encodeJson } from '../metadata.js';
import { quoteUserText } from '../mrkdwn.js';
import { context, message, option, plain, section, type Message } from './kit.js';
import type { Visibility } from '../../domain/checkin/rules.js';
import { coachSeesSentence } from '../../domain/privacy/promises.js';
import { defaultQuestion } from '../../domain/questions/draw.js';
import { CALLBACKS } from '../ids.js';

export const MOMENT_NOTE_MAX = 1000;
export const momentMetadataSchema = z.object({ channel: z.string().max(40), ts: z.string().max(40) });

/** `question`: the note's label, drawn from the bank for this leader (its first when absent). */
export function momentModal(input: { channel: string; ts: string; excerpt: string; question?: string }): View {
  return {
    type: 'modal',
    callback_id: CALLBACKS.moment,
    title: plain('Coaching moment'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: encodeJson(momentMetadataSchema, { channel: input.channel, ts: input.ts }),
    blocks: [
      section(`>${quoteUserText(input.excerpt, 500).replace(/\n/g, '\n>') || '_(no text)_'}`),
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: plain(input.question ?? defaultQuestion('moment_note')),
        element: { type: 'plain_text_input', action_id: 'note', multiline: true, max_length: MOMENT_NOTE_MAX },
      },
      {
        type: 'input',
        block_id: 'visibility',
        label: plain('Who sees it?'),
        element: {
          type: 'radio_buttons',
          action_id: 'visibility',
          options: (['private', 'summary', 'shared'] as const).map((v) => option(VISIBILITY_TEXT[v], v)),
          initial_option: option(VISIBILITY_TEXT.summary, 'summary'),
        },
      },
      context('Grow keeps a link to the message and your note, not a copy of the message.'),
    ],
  };
}

/** The DM after a moment is saved: that it is kept, and exactly what the coach sees of it. */
export function momentSavedMessage(visibility: Visibility): Message {
  return message({
    notification: 'Grow: coaching moment saved.',
    blocks: [section(`🔖 *Coaching moment saved* — ${VISIBILITY_TEXT[visibility].toLowerCase()}.`), context(coachSeesSentence('moment', visibility))],
  });
}
