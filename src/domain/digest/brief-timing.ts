// When a coach's session brief goes out: on the morning of the session, at the opening
// of the coach's working day. Not the day before, because the leader's session prep
// goes out one working day before and the brief should carry their answer. When the
// session is too early in the day for that (or falls on a day the coach does not
// work), the brief goes one working day before. A brief that would land after the
// session, or so close to it that it cannot be read, is not sent.
import { addWorkingDays, atLocalTime, localDateOf, nextWorkingInstant, resolveWorkingHours, type WorkingHours } from '../time/index.js';

/** A brief must arrive at least this long before the session starts. */
export const BRIEF_MIN_LEAD_MS = 60 * 60_000;

export function briefDedupeKey(sessionId: string): string {
  return `brief:${sessionId}`;
}

/** The instant to send the brief for a session at `sessionAt`, or null when none fits. */
export function briefDueAt(sessionAt: Date, hours: WorkingHours, now: Date): Date | null {
  const h = resolveWorkingHours(hours);
  const latest = sessionAt.getTime() - BRIEF_MIN_LEAD_MS;
  const morning = nextWorkingInstant(atLocalTime(localDateOf(sessionAt, h.tz), '00:00', h.tz), h);
  let due = morning.getTime() <= latest ? morning : addWorkingDays(sessionAt, -1, h);
  // Planned late (a session booked at short notice): as soon as the coach is at work.
  if (due.getTime() < now.getTime()) due = nextWorkingInstant(now, h);
  return due.getTime() <= latest ? due : null;
}
