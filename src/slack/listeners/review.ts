// Midpoint and closing reviews: the button opens the rating modal; saving replaces the
// button with a thank-you and, after the closing review, DMs the before/after summary.
import type { App, BlockButtonAction } from '@slack/bolt';
import { checkReview, submitReview } from '../../services/reflection-review.js';
import { CALLBACKS, reviewMetaSchema } from '../blocks/engagement-values.js';
import { closingSummaryMessage, reviewAnsweredMessage, reviewModal } from '../blocks/review-modal.js';
import type { SlackDeps } from '../deps.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import { stakeholderScoresAt } from '../../services/pulse-results.js';
import { friendlyMessage } from '../friendly-errors.js';
import { NUDGE_ACTIONS, parseNudgeValue } from '../values.js';
import { messageOf, sendDm, teamOf, tellUser, updateOwnMessage } from './engagement-interaction.js';
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';

export function registerReview(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(NUDGE_ACTIONS.reviewOpen, async ({ ack, body, client }) => {
    await ack();
    const teamId = teamOf(body);
    const userId = body.user.id;
    const log = deps.logger.child({ teamId, userId, action: NUDGE_ACTIONS.reviewOpen });
    const value = parseNudgeValue(body.actions[0]?.value);
    if (!value?.engagementId) return tellUser(client, body, OUT_OF_DATE, log);
    const ids = { nudgeId: value.nudgeId, engagementId: value.engagementId };
    try {
      const check = await checkReview(deps, { teamId, userId, ...ids });
      const where = await recordedMessageFor(deps, { teamId, userId }, messageOf(body));
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      if (check.outcome === 'stale') return updateOwnMessage(deps, client, { teamId, userId }, where, reviewAnsweredMessage(check.reason), log);
      const stakeholders = await stakeholderScoresAt(deps, { teamId, engagementId: ids.engagementId, stage: check.stage });
      await client.views.open({ trigger_id: body.trigger_id, view: reviewModal({ meta: { ...ids, ...where }, stage: check.stage, targets: check.targets, stakeholders }) });
    } catch (error) {
      log.warn({ err: error }, 'review modal not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(CALLBACKS.review, async ({ ack, body, view, client }) => {
    const teamId = teamOf(body);
    const userId = body.user.id;
    const log = deps.logger.child({ teamId, userId, view: CALLBACKS.review });
    const form = readSubmission(view, reviewMetaSchema, ['rating1', 'rating2', 'rating3']);
    if (!form) return void (await ack(errorOn('rating1', UNREADABLE_FORM)));
    const { meta, values } = form;
    let result;
    try {
      result = await submitReview(deps, { teamId, userId, nudgeId: meta.nudgeId, engagementId: meta.engagementId, values });
    } catch (error) {
      log.error({ err: error }, 'review not saved');
      await ack({ response_action: 'errors', errors: { rating1: friendlyMessage(error) } });
      return;
    }
    if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
    if (result.outcome === 'refused') return void (await ack({ response_action: 'errors', errors: { rating1: REFUSED } }));
    await ack();
    const where = meta.channel && meta.ts ? { channel: meta.channel, ts: meta.ts } : undefined;
    await updateOwnMessage(deps, client, { teamId, userId }, where, reviewAnsweredMessage(result.outcome === 'saved' ? 'saved' : result.reason), log);
    if (result.outcome === 'saved' && result.stage === 'closing') await sendDm(client, userId, closingSummaryMessage(result.targets), log, { db: deps.db, teamId });
  });
}
