// "Answer" on a session-prep DM: the prep modal, saved as a reflection with its
// visibility; the DM's button gives way to a thank-you. Stale clicks change nothing.
import type { App, BlockButtonAction } from '@slack/bolt';
import { checkPrep, saveSessionPrep } from '../../services/reflection-prep.js';
import { prepMetaSchema } from '../engagement-button-value.js';
import { prepAnsweredMessage, prepModal } from '../blocks/prep-modal.js';
import type { SlackDeps } from '../deps.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import { friendlyMessage } from '../friendly-errors.js';
import { parseNudgeValue } from '../nudge-button-value.js';
import { messageOf, teamOf, tellUser, updateOwnMessage } from './engagement-interaction.js';
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { CALLBACKS, NUDGE_ACTIONS } from '../ids.js';

export function registerSessionPrep(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(NUDGE_ACTIONS.prepAnswer, async ({ ack, body, client }) => {
    await ack();
    const teamId = teamOf(body);
    const userId = body.user.id;
    const log = deps.logger.child({ teamId, userId, action: NUDGE_ACTIONS.prepAnswer });
    const value = parseNudgeValue(body.actions[0]?.value);
    if (!value?.sessionId) return tellUser(client, body, OUT_OF_DATE, log);
    const ids = { nudgeId: value.nudgeId, sessionId: value.sessionId };
    try {
      const check = await checkPrep(deps, { teamId, userId, ...ids });
      const where = await recordedMessageFor(deps, { teamId, userId }, messageOf(body));
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      if (check.outcome === 'stale') return updateOwnMessage(deps, client, { teamId, userId }, where, prepAnsweredMessage(check.reason, check.sessionAt, check.tz), log);
      await client.views.open({ trigger_id: body.trigger_id, view: prepModal({ meta: { ...ids, ...where }, sessionAt: check.sessionAt, tz: check.tz }) });
    } catch (error) {
      log.warn({ err: error }, 'prep modal not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(CALLBACKS.prep, async ({ ack, body, view, client }) => {
    const teamId = teamOf(body);
    const userId = body.user.id;
    const log = deps.logger.child({ teamId, userId, view: CALLBACKS.prep });
    const form = readSubmission(view, prepMetaSchema, ['commitment', 'want', 'visibility']);
    if (!form) return void (await ack(errorOn('commitment', UNREADABLE_FORM)));
    const { meta, values } = form;
    let result;
    try {
      result = await saveSessionPrep(deps, { teamId, userId, nudgeId: meta.nudgeId, sessionId: meta.sessionId, values });
    } catch (error) {
      log.error({ err: error }, 'session prep not saved');
      await ack({ response_action: 'errors', errors: { commitment: friendlyMessage(error) } });
      return;
    }
    if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
    if (result.outcome === 'refused') return void (await ack({ response_action: 'errors', errors: { commitment: REFUSED } }));
    await ack();
    const where = meta.channel && meta.ts ? { channel: meta.channel, ts: meta.ts } : undefined;
    const message = result.outcome === 'open' ? prepAnsweredMessage('answered', result.sessionAt, result.tz) : prepAnsweredMessage(result.reason, result.sessionAt, result.tz);
    await updateOwnMessage(deps, client, { teamId, userId }, where, message, log);
  });
}
