// "Add a question" on the coach's roster: the modal, then the question saved for that
// engagement. Only the engagement's coach, only while it is invited or active.
import type { App, BlockButtonAction } from '@slack/bolt';
import { addCoachQuestion, checkCoachQuestion } from '../../services/coach-questions.js';
import { COACH_QUESTION_BLOCKS, coachQuestionModal } from '../blocks/coach-question-modal.js';
import { coachQuestionMetaSchema, parseEngagementValue } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { CALLBACKS, ENGAGEMENT_ACTIONS } from '../ids.js';
import { tellUser, whoActed } from './engagement-interaction.js';
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';

const CLOSED = 'This engagement has ended, so no question was added.';

export function registerCoachQuestions(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(ENGAGEMENT_ACTIONS.questionOpen, async ({ ack, body, client }) => {
    await ack();
    const { log, ...who } = whoActed(deps, body, { action: ENGAGEMENT_ACTIONS.questionOpen });
    const value = parseEngagementValue(body.actions[0]?.value);
    if (!value) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      const check = await checkCoachQuestion(deps, { teamId: who.teamId, userId: who.userId, engagementId: value.engagementId });
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      if (check.outcome === 'closed') return tellUser(client, body, CLOSED, log);
      await client.views.open({ trigger_id: body.trigger_id, view: coachQuestionModal({ engagementId: value.engagementId, leaderId: check.leaderId }) });
    } catch (error) {
      log.warn({ err: error }, 'question modal not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(CALLBACKS.coachQuestion, async ({ ack, body, view }) => {
    const { log, ...who } = whoActed(deps, body, { view: CALLBACKS.coachQuestion });
    const form = readSubmission(view, coachQuestionMetaSchema, COACH_QUESTION_BLOCKS);
    if (!form) return void (await ack(errorOn('text', UNREADABLE_FORM)));
    try {
      const result = await addCoachQuestion(deps, { teamId: who.teamId, userId: who.userId, engagementId: form.meta.engagementId, values: form.values });
      if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
      if (result.outcome === 'refused') return void (await ack(errorOn('text', REFUSED)));
      if (result.outcome === 'closed') return void (await ack(errorOn('text', CLOSED)));
      await ack();
    } catch (error) {
      log.error({ err: error }, 'coach question not saved');
      await ack(errorOn('text', friendlyMessage(error)));
    }
  });
}
