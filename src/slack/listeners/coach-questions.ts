// "Add a question" on the coach's roster: the modal, then the question saved for that
// engagement. Only the engagement's coach, only while it is invited or active.
import type { App } from '@slack/bolt';
import { addCoachQuestion, checkCoachQuestion } from '../../services/coach-questions.js';
import { COACH_QUESTION_BLOCKS, coachQuestionModal } from '../blocks/coach-question-modal.js';
import type { SlackDeps } from '../deps.js';
import { CALLBACKS, ENGAGEMENT_ACTIONS } from '../ids.js';
import { registerCoachEngagementModal } from './coach-engagement-modal.js';

export function registerCoachQuestions(app: App, deps: SlackDeps): void {
  registerCoachEngagementModal(app, deps, {
    action: ENGAGEMENT_ACTIONS.questionOpen,
    callback: CALLBACKS.coachQuestion,
    blocks: COACH_QUESTION_BLOCKS,
    closed: 'This engagement has ended, so no question was added.',
    logged: 'coach question',
    check: checkCoachQuestion,
    modal: coachQuestionModal,
    save: addCoachQuestion,
  });
}
