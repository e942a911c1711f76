import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { addWorkingDays, deferPastDnd } from '../../../src/domain/time/working-days.js';
import { nextWorkingInstant } from '../../../src/domain/time/working-hours.js';
import { insideWorkingHours, instantArb, workingHoursArb } from './arbitraries.js';

const ny = { tz: 'America/New_York', workDays: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 + 30 };
const at = (date: string, time: string) => atLocalTime(date, time, ny.tz);

/** Working days strictly between the local dates of two instants. */
function workingDaysStrictlyBetween(a: Date, b: Date, tz: string, workDays: number[]): number {
  let day = DateTime.fromJSDate(a, { zone: tz }).startOf('day').plus({ days: 1 });
  const end = DateTime.fromJSDate(b, { zone: tz }).toISODate()!;
  let count = 0;
  for (; day.toISODate()! < end; day = day.plus({ days: 1 })) if (workDays.includes(day.weekday)) count++;
  return count;
}

describe('addWorkingDays', () => {
  it('lands inside working hours on the n-th working day after the start', () => {
    fc.assert(
      fc.property(instantArb, workingHoursArb, fc.integer({ min: 1, max: 5 }), (from, h, n) => {
        const result = addWorkingDays(from, n, h);
        expect(insideWorkingHours(result, h)).toBe(true);
        expect(result.getTime()).toBeGreaterThan(from.getTime());
        expect(workingDaysStrictlyBetween(from, result, h.tz, h.workDays)).toBe(n - 1);
      }),
      { numRuns: 150 },
    );
  });

  it('lands inside working hours on the n-th working day before the start', () => {
    fc.assert(
      fc.property(instantArb, workingHoursArb, fc.integer({ min: 1, max: 5 }), (from, h, n) => {
        const result = addWorkingDays(from, -n, h);
        expect(insideWorkingHours(result, h)).toBe(true);
        expect(result.getTime()).toBeLessThan(from.getTime());
        expect(workingDaysStrictlyBetween(result, from, h.tz, h.workDays)).toBe(n - 1);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the time of day when it is inside the window', () => {
    expect(addWorkingDays(at('2024-06-11', '11:00'), 2, ny)).toEqual(at('2024-06-13', '11:00'));
    expect(addWorkingDays(at('2024-06-14', '11:00'), 1, ny)).toEqual(at('2024-06-17', '11:00'));
  });

  it('clamps the time of day into the window of the day it lands on', () => {
    // Snoozing two working days on a Friday evening: Tuesday, at the end of the day.
    expect(addWorkingDays(at('2024-06-14', '20:00'), 2, ny)).toEqual(at('2024-06-18', '17:29'));
    // One working day before a Tuesday 08:00 session: Monday, as the window opens.
    expect(addWorkingDays(at('2024-06-18', '08:00'), -1, ny)).toEqual(at('2024-06-17', '09:00'));
    // One working day before a Monday 09:00 session: the Friday before.
    expect(addWorkingDays(at('2024-06-17', '09:00'), -1, ny)).toEqual(at('2024-06-14', '09:00'));
  });

  it('counts zero working days as the next working instant', () => {
    const saturday = at('2024-06-15', '10:00');
    expect(addWorkingDays(saturday, 0, ny)).toEqual(nextWorkingInstant(saturday, ny));
  });
});

describe('deferPastDnd', () => {
  it('waits for Do Not Disturb to lift, then for working hours', () => {
    const due = at('2024-06-14', '16:00');
    expect(deferPastDnd(due, at('2024-06-14', '18:00'), ny)).toEqual(at('2024-06-17', '09:00'));
    expect(deferPastDnd(due, at('2024-06-14', '16:30'), ny)).toEqual(at('2024-06-14', '16:30'));
    expect(deferPastDnd(due, at('2024-06-14', '12:00'), ny)).toEqual(due);
    expect(deferPastDnd(due, null, ny)).toEqual(due);
  });
});
