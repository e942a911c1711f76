// "Answer" on a session-prep DM: the prep modal, saved as a reflection with its
// visibility; the DM's button gives way to a thank-you. Stale clicks change nothing.
import type { App } from '@slack/bolt';
import { openPrep, saveSessionPrep } from '../../services/reflection-prep.js';
import { PREP_FIELDS, prepAnsweredMessage, prepModal } from '../blocks/prep-modal.js';
import type { SlackDeps } from '../deps.js';
import { prepMetaSchema } from '../engagement-button-value.js';
import { registerNudgeModalFlow } from './nudge-modal-flow.js';

export function registerSessionPrep(app: App, deps: SlackDeps): void {
  registerNudgeModalFlow(app, deps, 'prep', {
    check: openPrep,
    staleMessage: (check) => prepAnsweredMessage(check.reason, check.sessionAt, check.tz),
    modal: (meta, check) => prepModal({ meta, sessionAt: check.sessionAt, tz: check.tz, questions: check.questions }),
    metaSchema: prepMetaSchema,
    blockIds: PREP_FIELDS,
    save: saveSessionPrep,
    signpost: 'prep',
    answeredMessage: (result) => prepAnsweredMessage(result.outcome === 'open' ? 'answered' : result.reason, result.sessionAt, result.tz),
  });
}
