// Random zones, instants and working hours for property tests of the time rules. The
// zones are chosen for their DST behaviour: northern and southern rules, half- and
// quarter-hour offsets, a midnight transition (Santiago) and zones without DST.
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import type { WorkingHours } from '../../../src/domain/time/working-hours.js';

export const zones = [
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Santiago',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'Asia/Tokyo',
  'UTC',
] as const;

export const zoneArb = fc.constantFrom(...zones);

const MIN_MS = Date.UTC(2016, 0, 1);
const MAX_MS = Date.UTC(2030, 11, 31);

export const instantArb = fc.integer({ min: MIN_MS, max: MAX_MS }).map((ms) => new Date(ms));

/** Minutes after midnight on a quarter-hour. */
export const quarterHourArb = (min: number, max: number) =>
  fc.integer({ min: Math.ceil(min / 15), max: Math.floor(max / 15) }).map((q) => q * 15);

export const workDaysArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.constant<number[]>([1, 2, 3, 4, 5]),
  fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
);

export const workingHoursArb: fc.Arbitrary<WorkingHours> = fc
  .record({
    tz: zoneArb,
    workDays: workDaysArb,
    startMinute: quarterHourArb(0, 12 * 60),
    length: quarterHourArb(60, 14 * 60),
  })
  .map(({ length, ...h }): WorkingHours => ({ ...h, endMinute: Math.min(1440, h.startMinute + length) }));

/** An independent reading of the rule, straight from Luxon. */
export function insideWorkingHours(at: Date, h: WorkingHours): boolean {
  const dt = DateTime.fromJSDate(at, { zone: h.tz });
  const minutes = dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / 60_000;
  return h.workDays.includes(dt.weekday) && minutes >= h.startMinute && minutes < h.endMinute;
}

export function localReading(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat('HH:mm:ss');
}

const transitionCache = new Map<string, number[]>();

/** The instants in `year` at which `tz` changes offset: weekly steps, then bisected to the minute. */
export function transitionsIn(tz: string, year: number): number[] {
  const key = `${tz}:${year}`;
  const cached = transitionCache.get(key);
  if (cached) return cached;
  const zone = IANAZone.create(tz);
  const week = 7 * 86_400_000;
  const found: number[] = [];
  for (let from = Date.UTC(year, 0, 1); from < Date.UTC(year + 1, 0, 1); from += week) {
    if (zone.offset(from) === zone.offset(from + week)) continue;
    let lo = from;
    let hi = from + week;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zone.offset(mid) === zone.offset(from)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  transitionCache.set(key, found);
  return found;
}

/** Instants within three days of a clock change in `tz` (any instant for zones without). */
export const instantNearTransitionArb = (tz: string): fc.Arbitrary<Date> =>
  fc
    .record({ year: fc.integer({ min: 2016, max: 2030 }), pick: fc.nat(), shift: fc.integer({ min: -3 * 86_400_000, max: 3 * 86_400_000 }) })
    .chain(({ year, pick, shift }) => {
      const list = transitionsIn(tz, year);
      if (list.length === 0) return instantArb;
      return fc.constant(new Date(list[pick % list.length]! + shift));
    });

/** Working hours and an instant, the instant often close to a clock change in that zone. */
export const hoursAndInstantArb = workingHoursArb.chain((h) =>
  fc.oneof(instantArb, instantNearTransitionArb(h.tz)).map((at) => ({ h, at })),
);
