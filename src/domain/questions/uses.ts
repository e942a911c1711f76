// The moments Grow asks a leader a question at, in the order a leader meets them: the
// coachability questions at contracting, the check-in's GROW hints (and the style's own
// check-in questions), the question after a follow-up answer, the reflection, session
// prep, and the reviews.
export const QUESTION_USES = [
  'contracting_worked',
  'contracting_not_worked',
  'contracting_worthwhile',
  'goal',
  'goal_own',
  'reality',
  'options',
  'will',
  'expectation',
  'follow_up_done',
  'follow_up_partly',
  'follow_up_not_yet',
  'outcome',
  'reflect_happened',
  'reflect_learned',
  'reflect_next',
  'prep_commitment',
  'prep_experiment',
  'prep_want',
  'prep_want_own',
  'prep_different',
  'midpoint',
  'review',
] as const;
export type QuestionUse = (typeof QUESTION_USES)[number];

export const isQuestionUse = (value: string): value is QuestionUse => (QUESTION_USES as readonly string[]).includes(value);

/** How a coach sees each moment when adding a question of their own. */
export const QUESTION_USE_LABELS: Record<QuestionUse, string> = {
  contracting_worked: 'Contracting: what has worked before',
  contracting_not_worked: 'Contracting: what has not worked',
  contracting_worthwhile: 'Contracting: what would make it worthwhile',
  goal: 'Check-in: goal',
  goal_own: 'Check-in: goal, in the “my goal first” style',
  reality: 'Check-in: reality',
  options: 'Check-in: options',
  will: 'Check-in: will',
  expectation: 'Check-in: what they expect, in the experiment style',
  follow_up_done: 'After an action is done',
  follow_up_partly: 'After an action is partly done',
  follow_up_not_yet: 'After an action is not done yet',
  outcome: 'Follow-up: what did happen, in the experiment style',
  reflect_happened: 'Reflection: what happened',
  reflect_learned: 'Reflection: what was learned',
  reflect_next: 'Reflection: what next',
  prep_commitment: 'Session prep: one example to bring',
  prep_experiment: 'Session prep: one example, in the experiment style',
  prep_want: 'Session prep: the next session',
  prep_want_own: 'Session prep: the next session, in the “my goal first” style',
  prep_different: 'First session prep: what would make this time different',
  midpoint: 'Midpoint review',
  review: 'Closing review',
};
