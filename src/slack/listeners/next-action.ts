// "Make this my next action" on a follow-up DM after a reflection: a small modal with
// what the leader will try next, saved as a check-in; the DM then shows the new action.
import type { App } from '@slack/bolt';
import { openNextAction, saveNextAction } from '../../services/next-action.js';
import { nextActionModal, nextActionSavedMessage, nextActionStaleMessage } from '../blocks/next-action.js';
import type { SlackDeps } from '../deps.js';
import { reflectMetaSchema } from '../engagement-button-value.js';
import { registerNudgeModalFlow } from './nudge-modal-flow.js';

export function registerNextAction(app: App, deps: SlackDeps): void {
  registerNudgeModalFlow(app, deps, 'nextAction', {
    check: openNextAction,
    staleMessage: (check) => nextActionStaleMessage(check),
    modal: (meta, check) => nextActionModal({ meta, tryNext: check.tryNext, previousText: check.previousText, visibility: check.visibility }),
    metaSchema: reflectMetaSchema,
    blockIds: ['will', 'will_due', 'commitment', 'visibility'],
    save: saveNextAction,
    signpost: 'reflection',
    answeredMessage: (result) => (result.outcome === 'saved' ? nextActionSavedMessage(result) : nextActionStaleMessage(result)),
  });
}
