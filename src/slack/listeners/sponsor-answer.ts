// The sponsor's side: "Answer" on either question opens the modal, and submitting saves
// the answer and turns the DM into a thank-you, so the question cannot be answered twice.
// The leader's side: what their sponsors answered on App Home, and sharing the change seen.
import type { App } from '@slack/bolt';
import { loadEngagement } from '../../services/engagement.js';
import { answerSponsorAsk, checkSponsorAsk } from '../../services/sponsor-answer.js';
import { loadLeaderSponsorAnswers, shareSponsorChange, sponsorAnswersFor } from '../../services/sponsor-answers-view.js';
import { message } from '../blocks/kit.js';
import { coachSponsorBlocks, leaderSponsorBlocks } from '../blocks/sponsor-answers.js';
import { SPONSOR_ANSWER_BLOCK, sponsorAnswerModal, sponsorAnsweredMessage } from '../blocks/sponsor-question.js';
import type { SlackDeps } from '../deps.js';
import { SPONSOR_ACTIONS } from '../ids.js';
import { parseEngagementRef, sponsorAnswerMetaSchema } from '../sponsor-button-value.js';
import type { HomeSection } from './app-home.js';
import { sendDm, tellUser, type RefreshHome } from './engagement-interaction.js';
import { REFUSED } from './follow-up-answer.js';
import { registerNudgeModalFlow } from './nudge-modal-flow.js';
import { onButton } from './on-button.js';

/** The leader's App Home: what their sponsors answered, with the choice to share the change seen. */
export const leaderSponsorSection: HomeSection = async (deps, teamId, userId) => leaderSponsorBlocks(await loadLeaderSponsorAnswers(deps, teamId, userId));

export const registerSponsorAnswer = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  registerNudgeModalFlow(app, deps, 'sponsorAnswer', {
    check: checkSponsorAsk,
    staleMessage: (check) => sponsorAnsweredMessage(check.reason),
    modal: (meta, check) => sponsorAnswerModal({ meta, question: check.question, leaderId: check.leaderId }),
    metaSchema: sponsorAnswerMetaSchema,
    blockIds: [SPONSOR_ANSWER_BLOCK],
    save: (deps, { values, ...click }) => answerSponsorAsk(deps, { ...click, text: values[SPONSOR_ANSWER_BLOCK] }),
    answeredMessage: (result) => sponsorAnsweredMessage(result.outcome === 'saved' ? 'saved' : result.reason),
    afterSave: async (deps, client, who, result) => {
      if (result.outcome === 'saved') await refreshHome(deps, client, who.teamId, [result.leaderId]);
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
