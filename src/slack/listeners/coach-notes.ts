// "Add a note" on the brief and the coach's roster: the modal, then the note saved, for
// that coach only. Only the engagement's coach.
import type { App } from '@slack/bolt';
import { addCoachNote, checkCoachNote } from '../../services/coach-notes.js';
import { COACH_NOTE_BLOCKS, coachNoteModal } from '../blocks/coach-note-modal.js';
import type { SlackDeps } from '../deps.js';
import { CALLBACKS, COACH_ACTIONS } from '../ids.js';
import { registerCoachEngagementModal } from './coach-engagement-modal.js';

export function registerCoachNotes(app: App, deps: SlackDeps): void {
  registerCoachEngagementModal(app, deps, {
    action: COACH_ACTIONS.noteOpen,
    callback: CALLBACKS.coachNote,
    blocks: COACH_NOTE_BLOCKS,
    closed: 'This engagement’s text has been erased, so no note can be added to it. Nothing was saved.',
    logged: 'coach note',
    check: checkCoachNote,
    modal: coachNoteModal,
    save: addCoachNote,
  });
}
