import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { addWorkingDays, deferPastDnd } from '../../../src/domain/time/working-days.js';
import { nextWorkingInstant } from '../../../src/domain/time/working-hours.js';
import { hoursAndInstantArb, insideWorkingHours } from './arbitraries.js';

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
      fc.property(hoursAndInstantArb, fc.integer({ min: 1, max: 5 }), ({ at: from, h }, n) => {
        const result = addWorkingDays(from, n, h);
        expect(insideWorkingHours(result, h)).toBe(true);
        expect(result.getTime()).toBeGreaterThan(from.getTime());
        expect(workingDaysStrictlyBetween(from, result, h.tz, h.workDays)).toBe(n - 1);
      }),
      { numRuns: 100 },
    );
  });

  it('lands inside working hours on the n-th working day before the start', () => {
    fc.assert(
      fc.property(hoursAndInstantArb, fc.integer({ min: 1, max: 5 }), ({ at: from, h }, n) => {
        const result = addWorkingDays(from, -n, h);
        expect(insideWorkingHours(result, h)).toBe(true);
        expect(result.getTime()).toBeLessThan(from.getTime());
        expect(workingDaysStrictlyBetween(result, from, h.tz, h.workDays)).toBe(n - 1);
      }),
      { numRuns: 100 },
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

  it('stays on the named day when a clock change swallows the clamped time', () => {
    // Sydney springs forward at 02:00 on Sunday 2016-10-02; a window to 02:15 ends at the jump.
    const sydney = { tz: 'Australia/Sydney', workDays: [5, 6, 7], startMinute: 0, endMinute: 135 };
    const thursdayNight = new Date('2016-09-29T13:59:59.999Z');
    expect(addWorkingDays(thursdayNight, 3, sydney).toISOString()).toBe('2016-10-01T15:59:00.000Z'); // Sun 01:59 AEST
    // Berlin springs forward at 02:00 on Sunday 2016-03-27.
    const berlin = { tz: 'Europe/Berlin', workDays: [1, 7], startMinute: 90, endMinute: 150 };
    const tuesday = new Date('2016-03-29T00:00:00.000Z'); // 02:00 CEST
    expect(addWorkingDays(tuesday, -2, berlin).toISOString()).toBe('2016-03-27T00:59:00.000Z'); // Sun 01:59 CET
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
