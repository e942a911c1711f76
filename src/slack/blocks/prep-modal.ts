// Session prep: one real example and what the leader wants, before the next session, and who sees the answers. The
// prep DM's button gives way to a note once answered.
import type { View } from '@slack/types';
import type { z } from 'zod';
import { PREP_QUESTIONS, REFLECTION_TEXT_MAX } from '../../domain/engagement/reflection.js';
import { encodeJson } from '../metadata.js';
import { textAnswer } from './engagement-inputs.js';
import { prepMetaSchema } from '../engagement-button-value.js';
import { message, plain, section, type Message } from './kit.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { visibilityRadio } from './reflect-modal.js';
import { CALLBACKS } from '../ids.js';

/** Every answer a prep modal may hold, in any style. */
export const PREP_FIELDS = ['example', 'want', 'different', 'visibility'] as const;

/** Under the example question: what makes an example something to work with. */
export const EXAMPLE_HINT = 'One situation as it happened: who was there, what was said, what you did.';

export function prepModal(input: { meta: z.input<typeof prepMetaSchema>; sessionAt: Date; tz: string; questions?: Record<string, string> }): View {
  const questions = input.questions ?? PREP_QUESTIONS;
  return {
    type: 'modal',
    callback_id: CALLBACKS.prep,
    title: plain('Session prep'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: encodeJson(prepMetaSchema, input.meta),
    blocks: [
      section(`Your next session is *${formatSessionTime(input.sessionAt, input.tz)}*.`),
      ...Object.entries(questions).map(([id, question]) => textAnswer(id, question, REFLECTION_TEXT_MAX, id === 'example' ? { hint: EXAMPLE_HINT } : {})),
      visibilityRadio(),
    ],
  };
}

const PREP_NOTE = {
  answered: '✅ Answered — thank you.',
  passed: 'This session has passed or was moved, so there is nothing to prepare here.',
  ended: 'This coaching engagement has ended.',
  gone: 'This message is out of date.',
} as const;

/** The prep DM once answered or out of date: the question, then the note where the button was. */
export function prepAnsweredMessage(reason: keyof typeof PREP_NOTE, sessionAt: Date | null, tz: string): Message {
  const head = sessionAt ? `*Your coaching session ${formatSessionTime(sessionAt, tz)}.*` : '*Session prep*';
  return message({ notification: `Grow: ${PREP_NOTE[reason]}`, blocks: [section(head), section(PREP_NOTE[reason])] });
}
