// Two fields of the check-in modal that depend on the step and the style: the goal (goal
// first asks its own bank question as the label) and the revisit step's nudge checkbox.
import { LIMITS, type CheckInDraft } from '../../domain/checkin/rules.js';
import type { CheckInQuestionUse } from '../../domain/checkin/questions.js';
import type { Style } from '../../domain/engagement/style.js';
import { defaultQuestion } from '../../domain/questions/draw.js';
import { option, plain, textInput, type Block } from './kit.js';

const PRECONDITION_OPTION = option('Nudge me about it before the action is due', 'yes');

/** Default on: a short nudge before the due date about what would make it a 10. */
export function preconditionCheckbox(ticked: boolean): Block {
  return {
    type: 'input',
    block_id: 'precondition_nudge',
    optional: true,
    label: plain('Before the due date'),
    element: { type: 'checkboxes', action_id: 'precondition_nudge', options: [PRECONDITION_OPTION], ...(ticked ? { initial_options: [PRECONDITION_OPTION] } : {}) },
  };
}

export function goalInput(style: Style, d: Partial<CheckInDraft>, hasTargets: boolean, hints: Partial<Record<CheckInQuestionUse, string>> = {}): Block {
  // Goal first asks its own question as the label; the others label the GROW stage and hint a question under it.
  if (style === 'goal_first') {
    const hint = ['Start from what you want, not what anyone expects of you.', hints.goal].filter(Boolean).join(' ');
    return textInput('goal', hints.goal_own ?? defaultQuestion('goal_own'), LIMITS.goal, { initial: d.goal, optional: hasTargets, hint });
  }
  return textInput('goal', 'Goal — what do you want from the next two weeks?', LIMITS.goal, {
    initial: d.goal,
    optional: hasTargets,
    hint: [hasTargets ? 'Write a goal, or pick a target above.' : undefined, hints.goal].filter(Boolean).join(' ') || undefined,
  });
}
