// Reflect… on a follow-up DM: a short modal (what happened, what I learned, what I'll
// try next, who sees it). Saving notes it in the DM, which keeps any buttons still due.
import type { App } from '@slack/bolt';
import { openFollowUpReflection, saveFollowUpReflection } from '../../services/reflection.js';
import { reflectedMessage, staleFollowUpMessage } from '../blocks/engagement-follow-up-answer.js';
import { reflectModal } from '../blocks/reflect-modal.js';
import type { SlackDeps } from '../deps.js';
import { reflectMetaSchema } from '../engagement-button-value.js';
import { toAnsweredView } from './follow-up-answer.js';
import { registerNudgeModalFlow } from './nudge-modal-flow.js';

export function registerFollowUpReflect(app: App, deps: SlackDeps): void {
  registerNudgeModalFlow(app, deps, 'reflection', {
    check: openFollowUpReflection,
    staleMessage: (check, ids) => staleFollowUpMessage(check.view && toAnsweredView(ids, check.view), check.reason),
    modal: (meta, check) => reflectModal({ meta, actionText: check.actionText, questions: check.questions }),
    metaSchema: reflectMetaSchema,
    blockIds: ['happened', 'learned', 'try_next', 'visibility'],
    save: saveFollowUpReflection,
    signpost: 'reflection',
    answeredMessage: (result, ids) =>
      result.outcome === 'saved'
        ? reflectedMessage(toAnsweredView(ids, result.view), result.visibility, result.tryNext)
        : staleFollowUpMessage(result.view && toAnsweredView(ids, result.view), result.reason),
  });
}
