// "Add a question" from the coach's roster: which moment, and the question in the coach's
// own words. Grow asks the coach's questions first, never the same one twice in a row.
import type { View } from '@slack/types';
import { COACH_QUESTION_MAX } from '../../domain/questions/coach-question.js';
import { QUESTION_USE_LABELS, QUESTION_USES } from '../../domain/questions/uses.js';
import { selectInput } from './engagement-inputs.js';
import { coachEngagementModal } from './coach-engagement-modal.js';
import { context, section, textInput } from './kit.js';
import { CALLBACKS } from '../ids.js';

export const COACH_QUESTION_BLOCKS = ['text', 'use'] as const;

export function coachQuestionModal(input: { engagementId: string; leaderId: string }): View {
  return coachEngagementModal({
    callbackId: CALLBACKS.coachQuestion,
    title: 'Add a question',
    submit: 'Add',
    engagementId: input.engagementId,
    blocks: [
      section(`*A question of your own for <@${input.leaderId}>.* Grow asks yours first at that moment, then its own, and never the same one twice in a row.`),
      selectInput('use', 'When should Grow ask it?', QUESTION_USES.map((u) => ({ text: QUESTION_USE_LABELS[u], value: u }))),
      textInput('text', 'What would you like Grow to ask?', COACH_QUESTION_MAX, { hint: 'An open question, in your words, e.g. “What did you notice in yourself?”' }),
      context(`<@${input.leaderId}> sees the question where Grow asks it. Their answer keeps the visibility they choose.`),
    ],
  });
}
