// The moments Grow asks a leader a question at, in the order a leader meets them: the
// coachability questions at contracting, the prompt to check in after a session, the
// check-in's GROW hints (and the style's own check-in questions), the follow-up's heading
// (one per style that words it differently) and the question after it is answered, the
// reflection, a coaching moment's note, session prep, and the reviews.
export const QUESTION_USES = [
  'contracting_worked',
  'contracting_not_worked',
  'contracting_worthwhile',
  'checkin_prompt',
  'goal',
  'goal_own',
  'reality',
  'options',
  'will',
  'expectation',
  'follow_up',
  'follow_up_experiment',
  'follow_up_own',
  'follow_up_done',
  'follow_up_partly',
  'follow_up_not_yet',
  'outcome',
  'reflect_happened',
  'reflect_learned',
  'reflect_next',
  'moment_note',
  'prep_commitment',
  'prep_experiment',
  'prep_want',
  'prep_want_own',
  'prep_different',
  'midpoint',
  'closing',
  'review',
] as const;
export type QuestionUse = (typeof QUESTION_USES)[number];

export const isQuestionUse = (value: string): value is QuestionUse => (QUESTION_USES as readonly string[]).includes(value);

/** How a coach sees each moment when adding a question of their own. */
export const QUESTION_USE_LABELS: Record<QuestionUse, string> = {
  contracting_worked: 'Contracting: what has worked before',
  contracting_not_worked: 'Contracting: what has not worked',
  contracting_worthwhile: 'Contracting: what would make it worthwhile',
  checkin_prompt: 'After a session: the invitation to check in',
  goal: 'Check-in: goal',
  goal_own: 'Check-in: goal, in the “my goal first” style',
  reality: 'Check-in: reality',
  options: 'Check-in: options',
  will: 'Check-in: will',
  expectation: 'Check-in: what they expect, in the experiment style',
  follow_up: 'Follow-up: how it is going with the action',
  follow_up_experiment: 'Follow-up: how the experiment went, in the experiment style',
  follow_up_own: 'Follow-up: how it is going, in the “my goal first” style',
  follow_up_done: 'After an action is done',
  follow_up_partly: 'After an action is partly done',
  follow_up_not_yet: 'After an action is not done yet',
  outcome: 'Follow-up: what did happen, in the experiment style',
  reflect_happened: 'Reflection: what happened',
  reflect_learned: 'Reflection: what was learned',
  reflect_next: 'Reflection: what next',
  moment_note: 'Coaching moment: why it is worth bringing',
  prep_commitment: 'Session prep: one example to bring',
  prep_experiment: 'Session prep: one example, in the experiment style',
  prep_want: 'Session prep: the next session',
  prep_want_own: 'Session prep: the next session, in the “my goal first” style',
  prep_different: 'First session prep: what would make this time different',
  midpoint: 'Midpoint review: its opening question',
  closing: 'Closing review: its opening question',
  review: 'Closing review: looking back',
};
