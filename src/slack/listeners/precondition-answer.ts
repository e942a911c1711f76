// "Yes, done" / "Not yet" on the nudge about what would make an action a 10. The answer
// replaces the buttons in that same message, which must be one Grow sent this leader.
import type { App } from '@slack/bolt';
import { preconditionAnsweredMessage } from '../blocks/nudge-precondition.js';
import type { SlackDeps } from '../deps.js';
import { NUDGE_ACTIONS } from '../ids.js';
import { parseNudgeValue } from '../nudge-button-value.js';
import { messageOf, updateOwnMessage } from './engagement-interaction.js';
import { onButton } from './on-button.js';

const ANSWERS = { [NUDGE_ACTIONS.preconditionDone]: 'done', [NUDGE_ACTIONS.preconditionNotYet]: 'not_yet' } as const;

export function registerPreconditionAnswers(app: App, deps: SlackDeps): void {
  for (const [actionId, answer] of Object.entries(ANSWERS)) {
    onButton(app, deps, actionId, {
      value: parseNudgeValue,
      failed: 'precondition answer not shown',
      handle: ({ body, client, teamId, userId, value, log }) =>
        updateOwnMessage(deps, client, { teamId, userId }, messageOf(body), preconditionAnsweredMessage(answer, value.nudgeId), log),
    });
  }
}
