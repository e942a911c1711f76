// The wall clock in an IANA zone: reading an instant's local date and time, and turning
// a local date and time back into instants. Every offset comes from Luxon's zone data;
// nothing here assumes a fixed offset, so DST gaps and overlaps are handled explicitly.
import { IANAZone } from 'luxon';

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

// Validating a zone builds an Intl formatter, far dearer than the arithmetic it guards.
const knownZones = new Map<string, boolean>();

/**
 * An unknown or malformed zone falls back to UTC: a person whose Slack profile carries
 * a zone this runtime does not know still hears from Grow, at UTC working hours,
 * rather than making every plan for them fail.
 */
export function resolveZone(tz: string | null | undefined): string {
  if (!tz) return 'UTC';
  let valid = knownZones.get(tz);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(tz);
    knownZones.set(tz, valid);
  }
  return valid ? tz : 'UTC';
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
  // The wall clock is the instant shifted by the zone's offset then, read as UTC fields.
  const wall = new Date(wallClockMs(resolveZone(tz), typeof at === 'number' ? at : at.getTime()));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay() === 0 ? 7 : wall.getUTCDay(),
    msOfDay: wall.getTime() - Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()),
  };
}

/** Calendar arithmetic on dates alone: zones play no part in which day follows which. */
export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoWeekday(date: LocalDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * Real offsets lie within -12h..+14h, so the instant a reading maps to is within 14 hours
 * of the reading taken as UTC; no zone changes offset twice in that span, so sampling
 * its ends and middle finds every offset that can apply.
 */
function offsetsAround(zone: string, naive: number): number[] {
  return [-14, 0, 14].map((h) => offsetMs(zone, naive + h * HOUR_MS));
}

/**
 * Every instant at which the wall clock in `tz` reads `date` + `msOfDay`: none inside a
 * DST gap, two inside an overlap, one otherwise. Sorted, earliest first.
 */
export function instantsAtWallClock(date: LocalDate, msOfDay: number, tz: string): number[] {
  const zone = resolveZone(tz);
  const naive = Date.UTC(date.year, date.month - 1, date.day) + msOfDay;
  const offsets = new Set(offsetsAround(zone, naive));
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
  const candidates = offsetsAround(zone, naive).map((off) => naive - off);
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
 * Instants in [fromMs, toMs) at which the zone's offset changes. Meant for spans of days:
 * the same offset at both ends then means no change (no zone changes its offset and back
 * within a fortnight). Otherwise sampled every six hours and bisected to the millisecond.
 */
export function offsetChangesBetween(fromMs: number, toMs: number, tz: string): number[] {
  const zone = resolveZone(tz);
  if (toMs <= fromMs || offsetMs(zone, fromMs) === offsetMs(zone, toMs)) return [];
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
