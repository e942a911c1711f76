// Every engagement listener, in one list for src/app-surface.ts. Those that change what
// App Home shows get the refresher, so both people see the change at once.
import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerCoachQuestions } from './coach-questions.js';
import { registerCoachNotes } from './coach-notes.js';
import { registerCoachRecap } from './coach-recap.js';
import { registerContracting } from './contracting.js';
import type { RefreshHome } from './engagement-interaction.js';
import { registerEngagementInvitation } from './engagement-invitation.js';
import { registerEngagementNew } from './engagement-new.js';
import { registerEngagementSessions } from './engagement-sessions.js';
import { registerEngagementStyle } from './engagement-style.js';
import { registerFollowUpAnswers } from './follow-up-answer.js';
import { registerFollowUpReflect } from './follow-up-reflect.js';
import { registerNextAction } from './next-action.js';
import { registerReview } from './review.js';
import { registerSessionHeld } from './session-held.js';
import { registerSessionPrep } from './session-prep.js';

export function engagementRegistrations(refreshHome: RefreshHome): ((app: App, deps: SlackDeps) => void)[] {
  return [
    registerEngagementNew(refreshHome),
    registerEngagementInvitation(refreshHome),
    registerContracting(refreshHome),
    registerEngagementSessions(refreshHome),
    registerEngagementStyle(refreshHome),
    registerSessionHeld(refreshHome),
    registerFollowUpAnswers,
    registerFollowUpReflect,
    registerNextAction,
    registerSessionPrep,
    registerReview,
    registerCoachQuestions,
    registerCoachNotes,
    registerCoachRecap,
  ];
}
