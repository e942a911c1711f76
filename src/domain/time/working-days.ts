// Moving by working days ("snooze two working days", "one working day before the
// session") and deferring past Do Not Disturb. Built on the working window, so every
// result is an instant at which Grow may write to the person.
import { clampIntoWindow, isWorkingDay, nextWorkingInstant, resolveWorkingHours, type WorkingHours } from './working-hours.js';
import { addCalendarDays, localParts, type LocalDate } from './zone-clock.js';

// Fourteen weeks of calendar days comfortably covers any realistic working-day count.
const MAX_CALENDAR_STEPS = 100;

function stepWorkingDays(from: LocalDate, n: number, hours: WorkingHours): LocalDate {
  const dir = n > 0 ? 1 : -1;
  let date = from;
  let left = Math.abs(n);
  for (let i = 0; left > 0; i++) {
    if (i >= MAX_CALENDAR_STEPS) throw new RangeError(`working-day step too large: ${n}`);
    date = addCalendarDays(date, dir);
    if (isWorkingDay(date, hours)) left--;
  }
  return date;
}

/**
 * The n-th working day after (n > 0) or before (n < 0) the local date of `at`, at the
 * time of day of `at` clamped into that day's window: an 08:00 Tuesday minus one working
 * day is Monday 09:00; a 20:00 Friday plus one is Monday 17:29 (the window's last
 * minute). Keeping to the named day matters more than keeping the exact time.
 * n = 0 is simply the next working instant. The result is always inside working hours,
 * and on the named day unless a clock change skips that day's whole window.
 */
export function addWorkingDays(at: Date, n: number, hours: WorkingHours): Date {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
  const h = resolveWorkingHours(hours);
  if (n === 0) return nextWorkingInstant(at, h);
  const local = localParts(at, h.tz);
  const day = stepWorkingDays(local, n, h);
  return nextWorkingInstant(new Date(clampIntoWindow(day, local.msOfDay, h)), h);
}

/**
 * When a message due at `at` meets Do Not Disturb that lifts at `dndEndsAt`, it goes at
 * the first working instant after both.
 */
export function deferPastDnd(at: Date, dndEndsAt: Date | null | undefined, hours: WorkingHours): Date {
  const from = dndEndsAt && dndEndsAt.getTime() > at.getTime() ? dndEndsAt : at;
  return nextWorkingInstant(from, hours);
}
