// When Grow asks the coach whether a session took place: two days after it was due, if
// nobody marked it held or cancelled meanwhile, at the coach's next working moment. Asked
// once per session (one row per session, by dedupe key), and only about recent sessions,
// so an old unmarked calendar does not turn into a pile of questions.
import { nextWorkingInstant, type WorkingHours } from '../time/index.js';

export const SESSION_HELD_ASK_AFTER_MS = 2 * 86_400_000;
/** Sessions further back than this are not asked about. */
export const SESSION_HELD_LOOKBACK_MS = 14 * 86_400_000;

export const sessionHeldDedupeKey = (sessionId: string): string => `session_held:${sessionId}`;

export function sessionHeldDueAt(sessionAt: Date, hours: WorkingHours): Date {
  return nextWorkingInstant(new Date(sessionAt.getTime() + SESSION_HELD_ASK_AFTER_MS), hours);
}
