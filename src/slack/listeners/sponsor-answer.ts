// The sponsor's side: "Answer" on either question opens the modal, and submitting saves
// the answer and turns the DM into a thank-you, so the question cannot be answered twice.
import type { App, BlockButtonAction } from '@slack/bolt';
import { answerSponsorAsk, checkSponsorAsk } from '../../services/sponsor-answer.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import { SPONSOR_ANSWER_BLOCK, sponsorAnswerModal, sponsorAnsweredMessage } from '../blocks/sponsor-question.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { SPONSOR_ACTIONS, SPONSOR_CALLBACKS } from '../ids.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { parseSponsorAsk, sponsorAnswerMetaSchema } from '../sponsor-button-value.js';
import { messageOf, sendDm, tellUser, updateOwnMessage, whoActed, type RefreshHome } from './engagement-interaction.js';
import { loadLeaderSponsorAnswers, shareSponsorChange, sponsorAnswersFor } from '../../services/sponsor-answers-view.js';
import { loadEngagement } from '../../services/engagement.js';
import { coachSponsorBlocks, leaderSponsorBlocks } from '../blocks/sponsor-answers.js';
import { message } from '../blocks/kit.js';
import { parseEngagementRef } from '../sponsor-button-value.js';
import type { HomeSection } from './app-home.js';

/** The leader's App Home: what their sponsors answered, with the choice to share the change seen. */
export const leaderSponsorSection: HomeSection = async (deps, teamId, userId) => leaderSponsorBlocks(await loadLeaderSponsorAnswers(deps, teamId, userId));
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';

export const registerSponsorAnswer = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  app.action<BlockButtonAction>(SPONSOR_ACTIONS.answerOpen, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: SPONSOR_ACTIONS.answerOpen });
    const value = parseSponsorAsk(body.actions[0]?.value);
    if (!value) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      const check = await checkSponsorAsk(deps, { teamId, userId, nudgeId: value.nudgeId });
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      const where = await recordedMessageFor(deps, { teamId, userId }, messageOf(body));
      if (check.outcome === 'stale') return updateOwnMessage(deps, client, { teamId, userId }, where, sponsorAnsweredMessage(check.reason), log);
      await client.views.open({ trigger_id: body.trigger_id, view: sponsorAnswerModal({ meta: { nudgeId: value.nudgeId, ...where }, question: check.question, leaderId: check.leaderId }) });
    } catch (error) {
      log.warn({ err: error }, 'sponsor question not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(SPONSOR_CALLBACKS.answer, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: SPONSOR_CALLBACKS.answer });
    const form = readSubmission(view, sponsorAnswerMetaSchema, [SPONSOR_ANSWER_BLOCK]);
    if (!form) return void (await ack(errorOn(SPONSOR_ANSWER_BLOCK, UNREADABLE_FORM)));
    let result;
    try {
      result = await answerSponsorAsk(deps, { teamId, userId, nudgeId: form.meta.nudgeId, text: form.values[SPONSOR_ANSWER_BLOCK] });
    } catch (error) {
      log.error({ err: error }, 'sponsor answer not saved');
      return void (await ack(errorOn(SPONSOR_ANSWER_BLOCK, friendlyMessage(error))));
    }
    if (result.outcome === 'invalid') return void (await ack(errorOn(SPONSOR_ANSWER_BLOCK, result.error)));
    if (result.outcome === 'refused') return void (await ack(errorOn(SPONSOR_ANSWER_BLOCK, REFUSED)));
    await ack();
    const where = form.meta.channel && form.meta.ts ? { channel: form.meta.channel, ts: form.meta.ts } : undefined;
    await updateOwnMessage(deps, client, { teamId, userId }, where, sponsorAnsweredMessage(result.outcome === 'saved' ? 'saved' : result.reason), log);
    if (result.outcome === 'saved') await refreshHome(deps, client, teamId, [result.leaderId]);
  });

  app.action<BlockButtonAction>(SPONSOR_ACTIONS.shareChange, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: SPONSOR_ACTIONS.shareChange });
    const value = parseEngagementRef(body.actions[0]?.value);
    if (!value) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      const result = await shareSponsorChange(deps, { teamId, userId, engagementId: value.engagementId });
      if (result.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      if (result.outcome === 'shared') {
        const engagement = await loadEngagement(deps, teamId, value.engagementId);
        const seen = engagement ? await sponsorAnswersFor(deps, engagement, result.coachId) : null;
        const blocks = coachSponsorBlocks(seen, userId);
        if (blocks.length > 0) await sendDm(client, result.coachId, message({ notification: 'Grow: a leader shared what their sponsor has seen', blocks }), log, { db: deps.db, teamId });
      }
      await refreshHome(deps, client, teamId, [userId, result.coachId]);
    } catch (error) {
      log.warn({ err: error }, 'sponsor change not shared');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });
};
