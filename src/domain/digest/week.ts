// When a coach's weekly digest goes out: on the day and at the time the coach chose in
// Settings (Monday 09:00 unless they chose otherwise) on their own clock, moved to the
// next moment inside their working hours when that is not one (a coach who starts at
// 10:00 gets a 09:00 digest at 10:00; one who does not work that day, on their next
// working day). One digest per coach per ISO week, named by that week in the coach's zone.
import { DateTime } from 'luxon';
import { atLocalTime, formatClock, nextWorkingInstant, resolveWorkingHours, resolveZone, type WorkingHours } from '../time/index.js';

export const DIGEST_LOCAL_TIME = '09:00';

/** The coach's choice: ISO weekday (1 = Monday) and minutes after local midnight. */
export interface DigestTime {
  day: number;
  minute: number;
}

export const DEFAULT_DIGEST_TIME: DigestTime = { day: 1, minute: 9 * 60 };
const DAY_MS = 86_400_000;
/** A planner run that comes this late still delivers the current week's digest. */
export const DIGEST_LATE_GRACE_MS = DAY_MS;

/** ISO week of `at` on the clock of `tz`, e.g. "2026-W03". */
export function isoWeekOf(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: resolveZone(tz) }).toFormat("kkkk-'W'WW");
}

export function digestDedupeKey(coachId: string, isoWeek: string): string {
  return `digest:${coachId}:${isoWeek}`;
}

/** The working instant at or after the chosen day and time of `isoWeek` in the coach's zone. */
export function digestDueAt(isoWeek: string, hours: WorkingHours, time: DigestTime = DEFAULT_DIGEST_TIME): Date {
  const h = resolveWorkingHours(hours);
  const day = DateTime.fromISO(`${isoWeek}-${time.day}`, { zone: h.tz });
  if (!day.isValid) throw new RangeError(`not an ISO week and day: ${isoWeek}-${time.day}`);
  return nextWorkingInstant(atLocalTime(day.toISODate()!, formatClock(time.minute), h.tz), h);
}

export interface DigestSlot {
  isoWeek: string;
  dueAt: Date;
}

/**
 * The digests to plan at `now`: next week's always (so a row exists well before it is
 * due), and this week's unless it fell due more than a day ago — a coach who starts on
 * a Wednesday waits for Monday rather than getting a digest of three days at once.
 */
export function digestSlots(now: Date, hours: WorkingHours, time: DigestTime = DEFAULT_DIGEST_TIME): DigestSlot[] {
  const h = resolveWorkingHours(hours);
  const weeks = [isoWeekOf(now, h.tz), isoWeekOf(new Date(now.getTime() + 7 * DAY_MS), h.tz)];
  return [...new Set(weeks)]
    .map((isoWeek) => ({ isoWeek, dueAt: digestDueAt(isoWeek, h, time) }))
    .filter((slot) => slot.dueAt.getTime() >= now.getTime() - DIGEST_LATE_GRACE_MS);
}

/** The week a digest dedupe key names, or undefined for a key of another shape. */
export function isoWeekOfDedupeKey(dedupeKey: string): string | undefined {
  const week = dedupeKey.split(':').at(-1);
  return week && /^\d{4}-W\d{2}$/.test(week) ? week : undefined;
}

/**
 * True once the following week's digest is due: a digest held up that long (a worker
 * down for days) would only arrive next to its successor, so it is dropped.
 */
export function isDigestSuperseded(isoWeek: string, now: Date, hours: WorkingHours, time: DigestTime = DEFAULT_DIGEST_TIME): boolean {
  const h = resolveWorkingHours(hours);
  const following = DateTime.fromISO(`${isoWeek}-1`, { zone: h.tz }).plus({ weeks: 1 }).toFormat("kkkk-'W'WW");
  return now.getTime() >= digestDueAt(following, h, time).getTime();
}
