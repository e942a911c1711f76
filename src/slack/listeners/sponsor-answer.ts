// The sponsor's side: "Answer" on either question opens the modal, and submitting saves
// the answer and turns the DM into a thank-you, so the question cannot be answered twice.
import type { App } from '@slack/bolt';
import { answerSponsorAsk, checkSponsorAsk } from '../../services/sponsor-answer.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import { SPONSOR_ANSWER_BLOCK, sponsorAnswerModal, sponsorAnsweredMessage } from '../blocks/sponsor-question.js';
import type { SlackDeps } from '../deps.js';
import { SPONSOR_ACTIONS, SPONSOR_CALLBACKS } from '../ids.js';
import { readSubmission } from '../modal-submission.js';
import { parseSponsorAsk, sponsorAnswerMetaSchema } from '../sponsor-button-value.js';
import { messageOf, sendDm, tellUser, updateOwnMessage, type RefreshHome } from './engagement-interaction.js';
import { onButton } from './on-button.js';
import { onModalSubmit } from './on-modal-submit.js';
import { loadLeaderSponsorAnswers, shareSponsorChange, sponsorAnswersFor } from '../../services/sponsor-answers-view.js';
import { loadEngagement } from '../../services/engagement.js';
import { coachSponsorBlocks, leaderSponsorBlocks } from '../blocks/sponsor-answers.js';
import { message } from '../blocks/kit.js';
import { parseEngagementRef } from '../sponsor-button-value.js';
import type { HomeSection } from './app-home.js';

/** The leader's App Home: what their sponsors answered, with the choice to share the change seen. */
export const leaderSponsorSection: HomeSection = async (deps, teamId, userId) => leaderSponsorBlocks(await loadLeaderSponsorAnswers(deps, teamId, userId));
import { REFUSED } from './follow-up-answer.js';

export const registerSponsorAnswer = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  onButton(app, deps, SPONSOR_ACTIONS.answerOpen, {
    value: parseSponsorAsk,
    failed: 'sponsor question not opened',
    handle: async ({ body, client, teamId, userId, value, log }) => {
      const check = await checkSponsorAsk(deps, { teamId, userId, nudgeId: value.nudgeId });
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      const where = await recordedMessageFor(deps, { teamId, userId }, messageOf(body));
      if (check.outcome === 'stale') return updateOwnMessage(deps, client, { teamId, userId }, where, sponsorAnsweredMessage(check.reason), log);
      await client.views.open({ trigger_id: body.trigger_id, view: sponsorAnswerModal({ meta: { nudgeId: value.nudgeId, ...where }, question: check.question, leaderId: check.leaderId }) });
    },
  });

  onModalSubmit(app, deps, SPONSOR_CALLBACKS.answer, {
    field: SPONSOR_ANSWER_BLOCK,
    read: (view) => readSubmission(view, sponsorAnswerMetaSchema, [SPONSOR_ANSWER_BLOCK]),
    save: ({ teamId, userId, form }) => answerSponsorAsk(deps, { teamId, userId, nudgeId: form.meta.nudgeId, text: form.values[SPONSOR_ANSWER_BLOCK] }),
    failed: 'sponsor answer not saved',
    saved: async ({ client, teamId, userId, form, log }, result) => {
      const where = form.meta.channel && form.meta.ts ? { channel: form.meta.channel, ts: form.meta.ts } : undefined;
      await updateOwnMessage(deps, client, { teamId, userId }, where, sponsorAnsweredMessage(result.outcome === 'saved' ? 'saved' : result.reason), log);
      if (result.outcome === 'saved') await refreshHome(deps, client, teamId, [result.leaderId]);
    },
  });

  onButton(app, deps, SPONSOR_ACTIONS.shareChange, {
    value: parseEngagementRef,
    failed: 'sponsor change not shared',
    handle: async ({ body, client, teamId, userId, value, log }) => {
      const result = await shareSponsorChange(deps, { teamId, userId, engagementId: value.engagementId });
      if (result.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      if (result.outcome === 'shared') {
        const engagement = await loadEngagement(deps, teamId, value.engagementId);
        const seen = engagement ? await sponsorAnswersFor(deps, engagement, result.coachId) : null;
        const blocks = coachSponsorBlocks(seen, userId);
        if (blocks.length > 0) await sendDm(client, result.coachId, message({ notification: 'Grow: a leader shared what their sponsor has seen', blocks }), log, { db: deps.db, teamId });
      }
      await refreshHome(deps, client, teamId, [userId, result.coachId]);
    },
  });
};
