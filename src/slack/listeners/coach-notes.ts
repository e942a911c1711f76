// "Add a note" on the brief and the coach's roster: the modal, then the note saved, for
// that coach only. Only the engagement's coach.
import type { App, BlockButtonAction } from '@slack/bolt';
import { addCoachNote, checkCoachNote } from '../../services/coach-notes.js';
import { COACH_NOTE_BLOCKS, coachNoteModal } from '../blocks/coach-note-modal.js';
import { coachNoteMetaSchema, parseEngagementValue } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { CALLBACKS, COACH_ACTIONS } from '../ids.js';
import { tellUser, whoActed } from './engagement-interaction.js';
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';

const CLOSED = 'This engagement’s text has been erased, so no note can be added to it. Nothing was saved.';

export function registerCoachNotes(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(COACH_ACTIONS.noteOpen, async ({ ack, body, client }) => {
    await ack();
    const { log, ...who } = whoActed(deps, body, { action: COACH_ACTIONS.noteOpen });
    const value = parseEngagementValue(body.actions[0]?.value);
    if (!value) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      const check = await checkCoachNote(deps, { teamId: who.teamId, userId: who.userId, engagementId: value.engagementId });
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      if (check.outcome === 'closed') return tellUser(client, body, CLOSED, log);
      await client.views.open({ trigger_id: body.trigger_id, view: coachNoteModal({ engagementId: value.engagementId, leaderId: check.leaderId }) });
    } catch (error) {
      log.warn({ err: error }, 'note modal not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(CALLBACKS.coachNote, async ({ ack, body, view }) => {
    const { log, ...who } = whoActed(deps, body, { view: CALLBACKS.coachNote });
    const form = readSubmission(view, coachNoteMetaSchema, COACH_NOTE_BLOCKS);
    if (!form) return void (await ack(errorOn('note', UNREADABLE_FORM)));
    try {
      const result = await addCoachNote(deps, { teamId: who.teamId, userId: who.userId, engagementId: form.meta.engagementId, values: form.values });
      if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
      if (result.outcome === 'refused') return void (await ack(errorOn('note', REFUSED)));
      if (result.outcome === 'closed') return void (await ack(errorOn('note', CLOSED)));
      await ack();
    } catch (error) {
      log.error({ err: error }, 'coach note not saved');
      await ack(errorOn('note', friendlyMessage(error)));
    }
  });
}
