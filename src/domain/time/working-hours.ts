// A person's working window — which weekdays, from when to when, in which zone — and the
// two questions every delivery asks of it: is this instant inside it, and if not, when
// does it next open. Windows are defined on the wall clock of the person's zone.
import {
  addCalendarDays,
  firstInstantAtWallClock,
  instantsAtWallClock,
  isoWeekday,
  localParts,
  offsetChangesBetween,
  resolveZone,
  type LocalDate,
} from './zone-clock.js';

export interface WorkingHours {
  /** IANA zone; an unknown zone is treated as UTC. */
  tz: string;
  /** ISO weekdays, 1 = Monday. */
  workDays: number[];
  /** Minutes after local midnight; the window is [startMinute, endMinute). */
  startMinute: number;
  endMinute: number;
}

export const defaultWorkingHours: Readonly<WorkingHours> = Object.freeze({
  tz: 'UTC',
  workDays: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60 + 30,
});

const MINUTE_MS = 60_000;
// A week of dates always contains a working day; the margin covers a working day whose
// window a clock change skips entirely.
const SEARCH_DAYS = 15;

/**
 * Normalises stored preferences so no caller can ask for an impossible window. Nonsense
 * (no working days, an empty or out-of-range window) falls back to the defaults for that
 * part rather than failing: a bad preference row must not stop every plan for a person.
 */
export function resolveWorkingHours(hours: Partial<WorkingHours>): WorkingHours {
  const days = [...new Set((hours.workDays ?? []).filter((d) => Number.isInteger(d) && d >= 1 && d <= 7))].sort((a, b) => a - b);
  const start = hours.startMinute;
  const end = hours.endMinute;
  const windowOk =
    Number.isInteger(start) && Number.isInteger(end) && start! >= 0 && end! <= 1440 && start! < end!;
  return {
    tz: resolveZone(hours.tz),
    workDays: days.length > 0 ? days : [...defaultWorkingHours.workDays],
    startMinute: windowOk ? start! : defaultWorkingHours.startMinute,
    endMinute: windowOk ? end! : defaultWorkingHours.endMinute,
  };
}

export function isWorkingDay(date: LocalDate, hours: WorkingHours): boolean {
  return hours.workDays.includes(isoWeekday(date));
}

function isWithinMs(ms: number, h: WorkingHours): boolean {
  const p = localParts(ms, h.tz);
  return h.workDays.includes(p.weekday) && p.msOfDay >= h.startMinute * MINUTE_MS && p.msOfDay < h.endMinute * MINUTE_MS;
}

export function isWithinWorkingHours(at: Date, hours: WorkingHours): boolean {
  return isWithinMs(at.getTime(), resolveWorkingHours(hours));
}

/** Instants at which the window of `date` may open: its start reading, or the jump over it. */
function windowOpenings(date: LocalDate, h: WorkingHours): number[] {
  const startMs = h.startMinute * MINUTE_MS;
  const exact = instantsAtWallClock(date, startMs, h.tz);
  return exact.length > 0 ? exact : [firstInstantAtWallClock(date, startMs, h.tz)];
}

/**
 * `at` if it is inside the working window, else the earliest later instant that is.
 * The window can only be entered where the wall clock reaches the start time (once, or
 * twice in an overlap), or where the clocks change; so those are the only candidates.
 */
export function nextWorkingInstant(at: Date, hours: WorkingHours): Date {
  const h = resolveWorkingHours(hours);
  const atMs = at.getTime();
  if (isWithinMs(atMs, h)) return at;
  const today = localParts(atMs, h.tz);
  let best: number | undefined;
  for (let i = -1; i <= SEARCH_DAYS && best === undefined; i++) {
    const date = addCalendarDays(today, i);
    if (!isWorkingDay(date, h)) continue;
    for (const ms of windowOpenings(date, h)) {
      if (ms > atMs && isWithinMs(ms, h) && (best === undefined || ms < best)) best = ms;
    }
  }
  if (best === undefined) throw new Error(`no working window within ${SEARCH_DAYS} days in ${h.tz}`);
  // A clock change before the first opening can re-enter a window (an overlap repeats
  // an hour that was inside it).
  for (const ms of offsetChangesBetween(atMs + 1, best, h.tz)) {
    if (isWithinMs(ms, h)) return new Date(ms);
  }
  return new Date(best);
}

/**
 * The instant on `date` inside its window closest to the reading `msOfDay`: the reading
 * itself if inside the window, the start if earlier, the last minute if later. When a DST
 * gap swallows that reading, the last minute before the jump, or else the window's
 * opening, keeps the result on `date`. Only a date whose whole window is skipped yields
 * an instant on a later date (the next opening).
 */
export function clampIntoWindow(date: LocalDate, msOfDay: number, hours: WorkingHours): number {
  const h = resolveWorkingHours(hours);
  const endMs = h.endMinute * MINUTE_MS;
  const clamped = msOfDay >= endMs ? endMs - MINUTE_MS : Math.max(msOfDay, h.startMinute * MINUTE_MS);
  const exact = instantsAtWallClock(date, clamped, h.tz);
  if (exact[0] !== undefined && isWithinMs(exact[0], h)) return exact[0];
  const jump = firstInstantAtWallClock(date, clamped, h.tz);
  const onDate = (ms: number) => isWithinMs(ms, h) && isSameDate(localParts(ms, h.tz), date);
  const candidates = [jump, jump - MINUTE_MS, ...windowOpenings(date, h)].filter(onDate);
  return candidates[0] ?? nextWorkingInstant(new Date(jump), h).getTime();
}

function isSameDate(a: LocalDate, b: LocalDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}
