// "Yes, done" / "Not yet" on the nudge about what would make an action a 10. The answer
// replaces the buttons in that same message, which must be one Grow sent this leader.
import type { App, BlockButtonAction } from '@slack/bolt';
import { preconditionAnsweredMessage } from '../blocks/nudge-precondition.js';
import type { SlackDeps } from '../deps.js';
import { NUDGE_ACTIONS } from '../ids.js';
import { parseNudgeValue } from '../nudge-button-value.js';
import { messageOf, tellUser, updateOwnMessage, whoActed } from './engagement-interaction.js';
import { OUT_OF_DATE } from './follow-up-answer.js';

const ANSWERS = { [NUDGE_ACTIONS.preconditionDone]: 'done', [NUDGE_ACTIONS.preconditionNotYet]: 'not_yet' } as const;

export function registerPreconditionAnswers(app: App, deps: SlackDeps): void {
  for (const [actionId, answer] of Object.entries(ANSWERS)) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const { teamId, userId, log } = whoActed(deps, body, { action: actionId });
      const value = parseNudgeValue(body.actions[0]?.value);
      if (!value) return tellUser(client, body, OUT_OF_DATE, log);
      await updateOwnMessage(deps, client, { teamId, userId }, messageOf(body), preconditionAnsweredMessage(answer, value.nudgeId), log);
    });
  }
}
