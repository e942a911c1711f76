// Done / Partly / Not yet / Snooze on a follow-up DM. The answer replaces the buttons in
// that same message; a stale click shows what is recorded and changes nothing; a click
// on someone else's action is refused privately.
import type { App } from '@slack/bolt';
import type { FollowUpAnswer } from '../../domain/engagement/follow-up.js';
import { answerFollowUp, type FollowUpView } from '../../services/follow-up.js';
import { answeredMessage, snoozedMessage, staleFollowUpMessage, type AnsweredView } from '../blocks/engagement-follow-up-answer.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { DomainError } from '../../domain/errors.js';
import { parseNudgeValue } from '../nudge-button-value.js';
import { messageOf, OUT_OF_DATE, tellUser, updateOwnMessage } from './engagement-interaction.js';
import { onButton } from './on-button.js';
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

/** The button's nudge and the action it asks about; null when it carries no action. */
const parseFollowUpValue = (raw: string | undefined) => {
  const value = parseNudgeValue(raw);
  return value?.actionId ? { nudgeId: value.nudgeId, actionId: value.actionId } : null;
};

export function registerFollowUpAnswers(app: App, deps: SlackDeps): void {
  for (const [actionId, answer] of Object.entries(ANSWERS)) {
    onButton(app, deps, actionId, {
      value: parseFollowUpValue,
      failed: 'follow-up answer not recorded',
      level: 'error',
      handle: async ({ body, client, teamId, userId, value: ids, log }) => {
        const result = await answerFollowUp(deps, { teamId, userId, ...ids, answer });
        const where = messageOf(body);
        if (result.outcome === 'refused') return tellUser(client, body, REFUSED, log);
        if (result.outcome === 'stale') {
          return updateOwnMessage(deps, client, { teamId, userId }, where, staleFollowUpMessage(result.view && toAnsweredView(ids, result.view), result.reason), log);
        }
        const view = toAnsweredView(ids, result.view);
        await updateOwnMessage(deps, client, { teamId, userId }, where, result.outcome === 'snoozed' ? snoozedMessage(view, result.until) : answeredMessage(view, result.answer), log);
      },
    });
  }
}
