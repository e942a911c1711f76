// Done / Partly / Not yet / Snooze on a follow-up DM. The answer replaces the buttons in
// that same message; a stale click shows what is recorded and changes nothing; a click
// on someone else's action is refused privately.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { FollowUpAnswer } from '../../domain/engagement/follow-up.js';
import { answerFollowUp, type FollowUpView } from '../../services/follow-up.js';
import { answeredMessage, snoozedMessage, staleFollowUpMessage, type AnsweredView } from '../blocks/engagement-follow-up-answer.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { DomainError } from '../../domain/errors.js';
import { parseNudgeValue } from '../nudge-button-value.js';
import { messageOf, OUT_OF_DATE, tellUser, updateOwnMessage, whoActed } from './engagement-interaction.js';
import { NUDGE_ACTIONS } from '../ids.js';

export const REFUSED = friendlyMessage(new DomainError('forbidden', 'not yours'));
export { OUT_OF_DATE };

const ANSWERS: Record<string, FollowUpAnswer | 'snooze'> = {
  [NUDGE_ACTIONS.followUpDone]: 'done',
  [NUDGE_ACTIONS.followUpPartly]: 'partly',
  [NUDGE_ACTIONS.followUpNotYet]: 'not_yet',
  [NUDGE_ACTIONS.followUpSnooze]: 'snooze',
};

export const toAnsweredView = (ids: { nudgeId: string; actionId: string }, v: FollowUpView): AnsweredView => ({ ...ids, ...v });

export function registerFollowUpAnswers(app: App, deps: SlackDeps): void {
  for (const [actionId, answer] of Object.entries(ANSWERS)) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const { teamId, userId, log } = whoActed(deps, body, { action: actionId });
      const value = parseNudgeValue(body.actions[0]?.value);
      if (!value?.actionId) return tellUser(client, body, OUT_OF_DATE, log);
      const ids = { nudgeId: value.nudgeId, actionId: value.actionId };
      try {
        const result = await answerFollowUp(deps, { teamId, userId, ...ids, answer });
        const where = messageOf(body);
        if (result.outcome === 'refused') return tellUser(client, body, REFUSED, log);
        if (result.outcome === 'stale') {
          return updateOwnMessage(deps, client, { teamId, userId }, where, staleFollowUpMessage(result.view && toAnsweredView(ids, result.view), result.reason), log);
        }
        const view = toAnsweredView(ids, result.view);
        await updateOwnMessage(deps, client, { teamId, userId }, where, result.outcome === 'snoozed' ? snoozedMessage(view, result.until) : answeredMessage(view, result.answer), log);
      } catch (error) {
        log.error({ err: error }, 'follow-up answer not recorded');
        await tellUser(client, body, friendlyMessage(error), log);
      }
    });
  }
}
