// A coach's private note, as rules: something written, and not longer than a brief can show.
import { parseRequiredText, type RequiredTextForm } from './required-text.js';

export const COACH_NOTE_MAX = 2000;

export type CoachNoteForm = RequiredTextForm;

export function parseCoachNote(values: Record<string, string | undefined>): CoachNoteForm {
  return parseRequiredText(values, { field: 'note', max: COACH_NOTE_MAX, whenEmpty: 'What would you like to note?', whenTooLong: `Please keep the note under ${COACH_NOTE_MAX} characters.` });
}

/** The session a note is about: the last one that has started, or else the next one. */
export function sessionForNote<S extends { id: string; scheduledAt: Date; status: string }>(sessions: S[], now: Date): S | null {
  const live = sessions.filter((s) => s.status !== 'cancelled').sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  return live.filter((s) => s.scheduledAt <= now).at(-1) ?? live.find((s) => s.scheduledAt > now) ?? null;
}
