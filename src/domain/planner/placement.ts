// Where a nudge may land relative to the sessions around it. Each rule returns an
// instant inside the leader's working hours, or null when the sessions leave no working
// time for it — an omitted nudge is better than one sent after the moment it serves.
import { addWorkingDays } from '../time/working-days.js';
import { nextWorkingInstant, type WorkingHours } from '../time/working-hours.js';
import type { LiveSession } from './timeline.js';

/**
 * The first working instant at or after `preferredMs`; if that is not before the
 * deadline (the next session), the first working instant at or after `earliestMs`;
 * if even that is too late, nothing.
 */
export function placeBefore(
  preferredMs: number,
  earliestMs: number,
  deadlineMs: number | undefined,
  hours: WorkingHours,
): Date | null {
  for (const ms of [preferredMs, earliestMs]) {
    const at = nextWorkingInstant(new Date(ms), hours);
    if (deadlineMs === undefined || at.getTime() < deadlineMs) return at;
  }
  return null;
}

/**
 * Session prep. Preferred: `workingDaysBefore` working days before the session's local
 * date, at the session's local time of day clamped into that day's window — so a Monday
 * 09:00 session is prepared for on Friday at 09:00, and a Tuesday 08:00 session on Monday
 * at the window's start. It must fall strictly before the session and no earlier than
 * the end of the previous one. When sessions sit too close for that (a reschedule), prep
 * goes at the first working instant after the previous session ends; before the first
 * session, one more working day back. If no working time separates the two sessions,
 * there is no prep.
 */
export function placePrep(
  session: LiveSession,
  previous: LiveSession | undefined,
  workingDaysBefore: number,
  hours: WorkingHours,
): Date | null {
  const start = new Date(session.startMs);
  const fits = (at: Date) =>
    at.getTime() < session.startMs && (previous === undefined || at.getTime() >= previous.endMs);
  const preferred = addWorkingDays(start, -workingDaysBefore, hours);
  if (fits(preferred)) return preferred;
  const fallback = previous
    ? nextWorkingInstant(new Date(previous.endMs), hours)
    : addWorkingDays(start, -(workingDaysBefore + 1), hours);
  return fits(fallback) ? fallback : null;
}
