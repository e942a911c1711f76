// Wall-clock helpers for schedules that must read the same on the person's clock across
// DST changes: "10:00 every other Tuesday" stays 10:00, so days are added on the local
// calendar and the time is re-read in the zone, never added as milliseconds.
import { DomainError } from '../errors.js';
import { addCalendarDays, firstInstantAtWallClock, localParts, resolveZone, type LocalDate } from './zone-clock.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const sameDate = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day;

export function parseLocalDate(value: string): LocalDate {
  const m = DATE_RE.exec(value);
  const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  // Round-trip through the calendar to reject 2025-02-30 and friends.
  if (!date || !sameDate(addCalendarDays(date, 0), date)) {
    throw new DomainError('invalid_input', `not a date (yyyy-MM-dd): ${value}`);
  }
  return date;
}

/** Minutes after midnight for an 'HH:mm' reading. */
export function parseLocalTime(value: string): number {
  const m = TIME_RE.exec(value);
  if (!m) throw new DomainError('invalid_input', `not a time (HH:mm): ${value}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The instant `localTime` ('HH:mm') reads on `localDate` ('yyyy-MM-dd') in `tz`. A reading
 * that happens twice (DST overlap) means its first occurrence; one that never happens
 * (DST gap) means the moment the clocks jump past it. Unknown zones are read as UTC.
 */
export function atLocalTime(localDate: string, localTime: string, tz: string): Date {
  const date = parseLocalDate(localDate);
  return new Date(firstInstantAtWallClock(date, parseLocalTime(localTime) * 60_000, resolveZone(tz)));
}

/** `at` moved by whole calendar days in `tz`, keeping its wall-clock reading. */
export function addLocalDays(at: Date, days: number, tz: string): Date {
  const zone = resolveZone(tz);
  const local = localParts(at, zone);
  return new Date(firstInstantAtWallClock(addCalendarDays(local, days), local.msOfDay, zone));
}

/** The local calendar date of `at` in `tz`, as 'yyyy-MM-dd'. */
export function localDateOf(at: Date, tz: string): string {
  const { year, month, day } = localParts(at, resolveZone(tz));
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
