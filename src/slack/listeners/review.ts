// Midpoint and closing reviews: the button opens the rating modal; saving replaces the
// button with a thank-you and, after the closing review, DMs the before/after summary.
import type { App } from '@slack/bolt';
import { openReview, submitReview } from '../../services/reflection-review.js';
import { closingSummaryMessage, reviewAnsweredMessage, reviewModal } from '../blocks/review-modal.js';
import type { SlackDeps } from '../deps.js';
import { reviewMetaSchema } from '../engagement-button-value.js';
import { sendDm } from './engagement-interaction.js';
import { registerNudgeModalFlow } from './nudge-modal-flow.js';

export function registerReview(app: App, deps: SlackDeps): void {
  registerNudgeModalFlow(app, deps, 'review', {
    check: openReview,
    staleMessage: (check) => reviewAnsweredMessage(check.reason),
    modal: (meta, check) => {
      const question = 'question' in check ? check.question : undefined;
      const opening = 'opening' in check ? check.opening : undefined;
      return reviewModal({ meta: { ...meta, questionId: question?.id }, stage: check.stage, targets: check.targets, stakeholders: check.stakeholders, question, opening });
    },
    metaSchema: reviewMetaSchema,
    blockIds: ['rating1', 'rating2', 'rating3', 'reword1', 'reword2', 'reword3', 'looking_back', 'visibility'],
    save: submitReview,
    answeredMessage: (result) => reviewAnsweredMessage(result.outcome === 'saved' ? 'saved' : result.reason),
    afterSave: async (deps, client, who, result, log) => {
      if (result.outcome === 'saved' && result.stage === 'closing') await sendDm(client, who.userId, closingSummaryMessage(result.targets), log, { db: deps.db, teamId: who.teamId });
    },
  });
}
