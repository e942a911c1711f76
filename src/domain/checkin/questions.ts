// Which questions the check-in asks for a style: a bank question under each GROW field it
// shows, goal first's own goal question, and the experiment's expectation.
import type { Style } from '../engagement/style.js';
import { checkInAsks } from './rules.js';

export const CHECK_IN_QUESTION_USES = ['goal', 'goal_own', 'reality', 'options', 'will', 'expectation'] as const;
export type CheckInQuestionUse = (typeof CHECK_IN_QUESTION_USES)[number];

export function checkInQuestionUses(style: Style): CheckInQuestionUse[] {
  const asks = checkInAsks(style);
  return CHECK_IN_QUESTION_USES.filter((use) => {
    if (use === 'goal_own') return style === 'goal_first';
    if (use === 'reality' || use === 'options' || use === 'expectation') return asks[use];
    return true;
  });
}
