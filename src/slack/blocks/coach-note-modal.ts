// "Add a note" from the brief or the coach's roster: a private note in the coach's own
// words, seen by no one else. The next brief with this leader shows the last one.
import type { View } from '@slack/types';
import { COACH_NOTE_MAX } from '../../domain/notes/coach-note.js';
import { coachEngagementModal } from './coach-engagement-modal.js';
import { context, section, textInput } from './kit.js';
import { CALLBACKS } from '../ids.js';

export const COACH_NOTE_BLOCKS = ['note'] as const;

export function coachNoteModal(input: { engagementId: string; leaderId: string }): View {
  return coachEngagementModal({
    callbackId: CALLBACKS.coachNote,
    title: 'Private note',
    submit: 'Save note',
    engagementId: input.engagementId,
    blocks: [
      section(`*A note for yourself about your work with <@${input.leaderId}>.*`),
      textInput('note', 'Your note', COACH_NOTE_MAX, { multiline: true, hint: 'What you noticed, what to pick up next time.' }),
      context(`Only you can see it: never <@${input.leaderId}>, their sponsor, or anyone's export but yours. Your next brief shows your last note. It is erased with the engagement's other text, and when either of you deletes your data.`),
    ],
  });
}
