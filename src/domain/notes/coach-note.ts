// A coach's private note, as rules: something written, and not longer than a brief can show.
export const COACH_NOTE_MAX = 2000;

export type CoachNoteForm = { ok: true; text: string } | { ok: false; errors: Record<string, string> };

export function parseCoachNote(values: Record<string, string | undefined>): CoachNoteForm {
  const text = values.note?.trim() ?? '';
  if (!text) return { ok: false, errors: { note: 'What would you like to note?' } };
  if (text.length > COACH_NOTE_MAX) return { ok: false, errors: { note: `Please keep the note under ${COACH_NOTE_MAX} characters.` } };
  return { ok: true, text };
}

/** The session a note is about: the last one that has started, or else the next one. */
export function sessionForNote<S extends { id: string; scheduledAt: Date; status: string }>(sessions: S[], now: Date): S | null {
  const live = sessions.filter((s) => s.status !== 'cancelled').sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  return live.filter((s) => s.scheduledAt <= now).at(-1) ?? live.find((s) => s.scheduledAt > now) ?? null;
}
