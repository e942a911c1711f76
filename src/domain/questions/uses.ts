// The moments Grow asks a question at. The four GROW stages are the check-in's hints; the
// rest are asked after a follow-up answer, in a reflection, in session prep and in reviews.
export const QUESTION_USES = [
  'goal',
  'reality',
  'options',
  'will',
  'follow_up_done',
  'follow_up_partly',
  'follow_up_not_yet',
  'reflect_happened',
  'reflect_learned',
  'reflect_next',
  'prep_commitment',
  'prep_want',
  'review',
] as const;
export type QuestionUse = (typeof QUESTION_USES)[number];

export const isQuestionUse = (value: string): value is QuestionUse => (QUESTION_USES as readonly string[]).includes(value);

/** How a coach sees each moment when adding a question of their own. */
export const QUESTION_USE_LABELS: Record<QuestionUse, string> = {
  goal: 'Check-in: goal',
  reality: 'Check-in: reality',
  options: 'Check-in: options',
  will: 'Check-in: will',
  follow_up_done: 'After an action is done',
  follow_up_partly: 'After an action is partly done',
  follow_up_not_yet: 'After an action is not done yet',
  reflect_happened: 'Reflection: what happened',
  reflect_learned: 'Reflection: what was learned',
  reflect_next: 'Reflection: what next',
  prep_commitment: 'Session prep: one example to bring',
  prep_want: 'Session prep: the next session',
  review: 'Reviews',
};
