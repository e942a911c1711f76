// Random zones, instants and working hours for property tests of the time rules. The
// zones are chosen for their DST behaviour: northern and southern rules, half- and
// quarter-hour offsets, a midnight transition (Santiago) and zones without DST.
import fc from 'fast-check';
import { DateTime } from 'luxon';
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
