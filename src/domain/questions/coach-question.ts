// A coach's own question for an engagement, as rules: asked at one of the moments Grow
// asks at, short, and a question (it will be put to the leader as it is written).
import { isQuestionUse, type QuestionUse } from './uses.js';

export const COACH_QUESTION_MAX = 300;

export type CoachQuestionForm = { ok: true; use: QuestionUse; text: string } | { ok: false; errors: Record<string, string> };

export function parseCoachQuestion(values: Record<string, string | undefined>): CoachQuestionForm {
  const errors: Record<string, string> = {};
  const use = values.use;
  const text = values.text?.trim().replace(/\s+/g, ' ') ?? '';
  if (!use || !isQuestionUse(use)) errors.use = 'When should Grow ask it?';
  if (!text) errors.text = 'What would you like Grow to ask?';
  else if (text.length > COACH_QUESTION_MAX) errors.text = `Please keep the question under ${COACH_QUESTION_MAX} characters.`;
  else if (!text.endsWith('?')) errors.text = 'Grow asks, it does not tell: please end with a question mark.';
  if (Object.keys(errors).length > 0 || !use || !isQuestionUse(use)) return { ok: false, errors };
  return { ok: true, use, text };
}
