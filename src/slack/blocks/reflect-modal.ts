// Reflect… on a follow-up: what happened, what I learned, what I'll try next, and who
// sees it. Opened from the follow-up DM; the DM is updated when it is saved.
import type { View } from '@slack/types';
import type { z } from 'zod';
import { REFLECT_QUESTIONS, REFLECTION_TEXT_MAX } from '../../domain/engagement/reflection.js';
import { encodeJson } from '../metadata.js';
import { textAnswer } from './engagement-inputs.js';
import { reflectMetaSchema } from '../engagement-button-value.js';
import { context, option, plain, type Block } from './kit.js';
import type { Visibility } from '../../domain/checkin/rules.js';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { userTextSection } from './nudge-message.js';
import { CALLBACKS } from '../ids.js';

export const visibilityRadio = (initial: Visibility = 'summary'): Block => ({
  type: 'input',
  block_id: 'visibility',
  label: plain('Who sees this?'),
  element: {
    type: 'radio_buttons',
    action_id: 'visibility',
    options: (['private', 'summary', 'shared'] as const).map((v) => option(VISIBILITY_TEXT[v], v)),
    initial_option: option(VISIBILITY_TEXT[initial], initial),
  },
});

/** `questions`: the label of each answer, as drawn from the bank; the bank's first otherwise. */
export function reflectModal(input: { meta: z.input<typeof reflectMetaSchema>; actionText: string; questions?: Partial<Record<keyof typeof REFLECT_QUESTIONS, string>> }): View {
  const q = { ...REFLECT_QUESTIONS, ...input.questions };
  return {
    type: 'modal',
    callback_id: CALLBACKS.reflect,
    title: plain('Reflect'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: encodeJson(reflectMetaSchema, input.meta),
    blocks: [
      userTextSection('_Your action:_', input.actionText, 2000),
      textAnswer('happened', q.happened, REFLECTION_TEXT_MAX),
      textAnswer('learned', q.learned, REFLECTION_TEXT_MAX),
      textAnswer('try_next', q.try_next, REFLECTION_TEXT_MAX),
      visibilityRadio(),
      context('One answer is enough. It is kept for your next session.'),
    ],
  };
}
