// When a coach's weekly digest goes out: Monday 09:00 on the coach's own clock, moved to
// the next moment inside their working hours when that is not one (a coach who starts
// at 10:00 gets it at 10:00; one who does not work Mondays, on their next working day).
// One digest per coach per ISO week, named by that week in the coach's zone.
import { DateTime } from 'luxon';
import { atLocalTime, nextWorkingInstant, resolveWorkingHours, resolveZone, type WorkingHours } from '../time/index.js';

export const DIGEST_LOCAL_TIME = '09:00';
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

/** The working instant at or after Monday 09:00 of `isoWeek` in the coach's zone. */
export function digestDueAt(isoWeek: string, hours: WorkingHours): Date {
  const h = resolveWorkingHours(hours);
  const monday = DateTime.fromISO(`${isoWeek}-1`, { zone: h.tz });
  if (!monday.isValid) throw new RangeError(`not an ISO week: ${isoWeek}`);
  return nextWorkingInstant(atLocalTime(monday.toISODate()!, DIGEST_LOCAL_TIME, h.tz), h);
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
export function digestSlots(now: Date, hours: WorkingHours): DigestSlot[] {
  const h = resolveWorkingHours(hours);
  const weeks = [isoWeekOf(now, h.tz), isoWeekOf(new Date(now.getTime() + 7 * DAY_MS), h.tz)];
  return [...new Set(weeks)]
    .map((isoWeek) => ({ isoWeek, dueAt: digestDueAt(isoWeek, h) }))
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
export function isDigestSuperseded(isoWeek: string, now: Date, hours: WorkingHours): boolean {
  const h = resolveWorkingHours(hours);
  const following = DateTime.fromISO(`${isoWeek}-1`, { zone: h.tz }).plus({ weeks: 1 }).toFormat("kkkk-'W'WW");
  return now.getTime() >= digestDueAt(following, h).getTime();
}
