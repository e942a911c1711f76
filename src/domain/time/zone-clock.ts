// The wall clock in an IANA zone: reading an instant's local date and time, and turning
// a local date and time back into instants. Every offset comes from Luxon's zone data;
// nothing here assumes a fixed offset, so DST gaps and overlaps are handled explicitly.
import { DateTime, IANAZone } from 'luxon';

/** A calendar date with no zone attached (month 1–12). */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** An instant seen on a zone's wall clock. */
export interface LocalParts extends LocalDate {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Milliseconds after local midnight, as the wall clock reads them. */
  msOfDay: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * An unknown or malformed zone falls back to UTC: a person whose Slack profile carries
 * a zone this runtime does not know still hears from Grow, at UTC working hours,
 * rather than making every plan for them fail.
 */
export function resolveZone(tz: string | null | undefined): string {
  return tz && IANAZone.isValidZone(tz) ? tz : 'UTC';
}

/** Offset from UTC, in milliseconds, that `tz` (already resolved) applies at `ms`. */
function offsetMs(tz: string, ms: number): number {
  return IANAZone.create(tz).offset(ms) * MINUTE_MS;
}

/** The wall-clock reading at `ms`, expressed as if that reading were UTC. */
export function wallClockMs(tz: string, ms: number): number {
  return ms + offsetMs(tz, ms);
}

export function localParts(at: Date | number, tz: string): LocalParts {
  const dt = DateTime.fromMillis(typeof at === 'number' ? at : at.getTime(), { zone: resolveZone(tz) });
  const msOfDay = ((dt.hour * 60 + dt.minute) * 60 + dt.second) * 1000 + dt.millisecond;
  return { year: dt.year, month: dt.month, day: dt.day, weekday: dt.weekday, msOfDay };
}

/** Calendar arithmetic on dates alone: zones play no part in which day follows which. */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const dt = DateTime.utc(date.year, date.month, date.day).plus({ days });
  return { year: dt.year, month: dt.month, day: dt.day };
}

export function isoWeekday(date: LocalDate): number {
  return DateTime.utc(date.year, date.month, date.day).weekday;
}

/**
 * Every instant at which the wall clock in `tz` reads `date` + `msOfDay`: none inside a
 * DST gap, two inside an overlap, one otherwise. Sorted, earliest first.
 */
export function instantsAtWallClock(date: LocalDate, msOfDay: number, tz: string): number[] {
  const zone = resolveZone(tz);
  const naive = Date.UTC(date.year, date.month - 1, date.day) + msOfDay;
  // Real offsets lie within ±18 hours, so the offsets in force around `naive` are the
  // only ones that can map the reading back to an instant.
  const offsets = new Set<number>();
  for (let k = -3; k <= 3; k++) offsets.add(offsetMs(zone, naive + k * 6 * HOUR_MS));
  const found: number[] = [];
  for (const off of offsets) {
    const ms = naive - off;
    if (offsetMs(zone, ms) === off && !found.includes(ms)) found.push(ms);
  }
  return found.sort((a, b) => a - b);
}

/**
 * The first instant whose wall-clock reading is at or after `date` + `msOfDay`. Normally
 * that reading itself (its earlier occurrence in an overlap); inside a DST gap, the
 * moment the clocks jump, which is the first valid instant after the missing reading.
 */
export function firstInstantAtWallClock(date: LocalDate, msOfDay: number, tz: string): number {
  const zone = resolveZone(tz);
  const exact = instantsAtWallClock(date, msOfDay, zone);
  if (exact[0] !== undefined) return exact[0];
  const naive = Date.UTC(date.year, date.month - 1, date.day) + msOfDay;
  const candidates = [-3, -2, -1, 0, 1, 2, 3].map((k) => naive - offsetMs(zone, naive + k * 6 * HOUR_MS));
  // Across a gap the wall clock only moves forward, so bisect on "reading ≥ target".
  let lo = Math.min(...candidates);
  let hi = Math.max(...candidates);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (wallClockMs(zone, mid) >= naive) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Instants in [fromMs, toMs) at which the zone's offset changes. Sampled every six hours
 * (no zone changes offset twice within that) and then bisected to the millisecond.
 */
export function offsetChangesBetween(fromMs: number, toMs: number, tz: string): number[] {
  const zone = resolveZone(tz);
  const step = 6 * HOUR_MS;
  const changes: number[] = [];
  for (let a = fromMs; a < toMs; a += step) {
    const b = Math.min(a + step, toMs);
    const before = offsetMs(zone, a);
    if (offsetMs(zone, b) === before) continue;
    let lo = a;
    let hi = b;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetMs(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    if (hi < toMs) changes.push(hi);
  }
  return changes;
}
