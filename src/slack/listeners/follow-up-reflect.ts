// Reflect… on a follow-up DM: a short modal (what happened, what I learned, what I'll
// try next, who sees it). Saving notes it in the DM, which keeps any buttons still due.
import type { App, BlockButtonAction } from '@slack/bolt';
import { openFollowUpReflection, saveFollowUpReflection } from '../../services/reflection.js';
import { reflectedMessage, staleFollowUpMessage } from '../blocks/engagement-follow-up-answer.js';
import { reflectMetaSchema } from '../engagement-button-value.js';
import { reflectModal } from '../blocks/reflect-modal.js';
import type { SlackDeps } from '../deps.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import { friendlyMessage } from '../friendly-errors.js';
import { parseNudgeValue } from '../nudge-button-value.js';
import { messageOf, teamOf, tellUser, updateOwnMessage } from './engagement-interaction.js';
import { OUT_OF_DATE, REFUSED, toAnsweredView } from './follow-up-answer.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { CALLBACKS, NUDGE_ACTIONS } from '../ids.js';

export function registerFollowUpReflect(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(NUDGE_ACTIONS.followUpReflect, async ({ ack, body, client }) => {
    await ack();
    const teamId = teamOf(body);
    const userId = body.user.id;
    const log = deps.logger.child({ teamId, userId, action: NUDGE_ACTIONS.followUpReflect });
    const value = parseNudgeValue(body.actions[0]?.value);
    if (!value?.actionId) return tellUser(client, body, OUT_OF_DATE, log);
    const ids = { nudgeId: value.nudgeId, actionId: value.actionId };
    try {
      const check = await openFollowUpReflection(deps, { teamId, userId, ...ids });
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      const where = await recordedMessageFor(deps, { teamId, userId }, messageOf(body));
      if (check.outcome === 'stale') return updateOwnMessage(deps, client, { teamId, userId }, where, staleFollowUpMessage(check.view && toAnsweredView(ids, check.view), check.reason), log);
      await client.views.open({ trigger_id: body.trigger_id, view: reflectModal({ meta: { ...ids, ...where }, actionText: check.actionText }) });
    } catch (error) {
      log.warn({ err: error }, 'reflection modal not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(CALLBACKS.reflect, async ({ ack, body, view, client }) => {
    const teamId = teamOf(body);
    const userId = body.user.id;
    const log = deps.logger.child({ teamId, userId, view: CALLBACKS.reflect });
    const form = readSubmission(view, reflectMetaSchema, ['happened', 'learned', 'try_next', 'visibility']);
    if (!form) return void (await ack(errorOn('happened', UNREADABLE_FORM)));
    const { meta, values } = form;
    const ids = { nudgeId: meta.nudgeId, actionId: meta.actionId };
    const where = meta.channel && meta.ts ? { channel: meta.channel, ts: meta.ts } : undefined;
    let result;
    try {
      result = await saveFollowUpReflection(deps, { teamId, userId, ...ids, values });
    } catch (error) {
      log.error({ err: error }, 'reflection not saved');
      await ack({ response_action: 'errors', errors: { happened: friendlyMessage(error) } });
      return;
    }
    if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
    if (result.outcome === 'refused') return void (await ack({ response_action: 'errors', errors: { happened: REFUSED } }));
    await ack();
    const message =
      result.outcome === 'saved'
        ? reflectedMessage(toAnsweredView(ids, result.view), result.visibility)
        : staleFollowUpMessage(result.view && toAnsweredView(ids, result.view), result.reason);
    await updateOwnMessage(deps, client, { teamId, userId }, where, message, log);
  });
}
