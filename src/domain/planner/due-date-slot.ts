// When to ask about an action that has a due date: late on the due date itself, when the
// working day is nearly over and the action could have happened, or else the next
// working morning. Never before the leader committed to it.
import { clampIntoWindow, isWithinWorkingHours, isWorkingDay, nextWorkingInstant, resolveWorkingHours, type WorkingHours } from '../time/working-hours.js';
import { addCalendarDays, firstInstantAtWallClock, localParts } from '../time/zone-clock.js';

/** How long before the end of the working day Grow asks on the due date. */
export const ASK_BEFORE_DAY_END_MINUTES = 30;
const MINUTE_MS = 60_000;

/**
 * The instant `ASK_BEFORE_DAY_END_MINUTES` before the leader's working day ends on the
 * due date's local date (clamped into that day's window), when that date is a working day
 * and the instant is not before `notBeforeMs`; otherwise the first working instant of a
 * later day that is not before `notBeforeMs`. Always inside working hours, never on a
 * local date before the due date.
 */
export function dueDateSlot(dueAt: Date, notBeforeMs: number, hours: WorkingHours): Date {
  const h = resolveWorkingHours(hours);
  const day = localParts(dueAt, h.tz);
  if (isWorkingDay(day, h)) {
    const lateMs = Math.max(h.startMinute, h.endMinute - ASK_BEFORE_DAY_END_MINUTES) * MINUTE_MS;
    const at = new Date(clampIntoWindow(day, lateMs, h));
    const sameDay = localParts(at, h.tz);
    if (at.getTime() >= notBeforeMs && sameDay.day === day.day && sameDay.month === day.month && isWithinWorkingHours(at, h)) return at;
  }
  const nextMorning = firstInstantAtWallClock(addCalendarDays(day, 1), 0, h.tz);
  return nextWorkingInstant(new Date(Math.max(nextMorning, notBeforeMs)), h);
}
