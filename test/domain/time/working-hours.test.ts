import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isWithinWorkingHours,
  nextWorkingInstant,
  resolveWorkingHours,
} from '../../../src/domain/time/working-hours.js';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { hoursAndInstantArb, insideWorkingHours } from './arbitraries.js';

const london = { tz: 'Europe/London', workDays: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 + 30 };
const STEP_MS = 5 * 60_000;

describe('isWithinWorkingHours', () => {
  it('agrees with the wall clock in the person’s zone', () => {
    fc.assert(
      fc.property(hoursAndInstantArb, ({ at, h }) => {
        expect(isWithinWorkingHours(at, h)).toBe(insideWorkingHours(at, h));
      }),
      { numRuns: 200 },
    );
  });

  it('treats the end of the window as outside it', () => {
    expect(isWithinWorkingHours(atLocalTime('2024-06-12', '17:29', 'Europe/London'), london)).toBe(true);
    expect(isWithinWorkingHours(atLocalTime('2024-06-12', '17:30', 'Europe/London'), london)).toBe(false);
    expect(isWithinWorkingHours(atLocalTime('2024-06-15', '11:00', 'Europe/London'), london)).toBe(false);
  });
});

describe('nextWorkingInstant', () => {
  it('returns the instant itself when it is inside working hours, else a later one that is', () => {
    fc.assert(
      fc.property(hoursAndInstantArb, ({ at, h }) => {
        const next = nextWorkingInstant(at, h);
        expect(insideWorkingHours(next, h)).toBe(true);
        if (insideWorkingHours(at, h)) expect(next).toEqual(at);
        else expect(next.getTime()).toBeGreaterThan(at.getTime());
      }),
      { numRuns: 200 },
    );
  });

  it('returns the earliest such instant: nothing between is inside working hours', () => {
    fc.assert(
      fc.property(hoursAndInstantArb, ({ at, h }) => {
        const next = nextWorkingInstant(at, h).getTime();
        if (next === at.getTime()) return;
        expect(insideWorkingHours(new Date(next - 1), h)).toBe(false);
        for (let ms = at.getTime(); ms < next; ms += STEP_MS) expect(insideWorkingHours(new Date(ms), h)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('moves a Saturday in London to Monday 09:00 on the new summer time after the clocks change', () => {
    const saturday = atLocalTime('2024-03-30', '12:00', 'Europe/London');
    expect(nextWorkingInstant(saturday, london).toISOString()).toBe('2024-04-01T08:00:00.000Z');
  });

  it('opens at the first instant after a start time that the clocks skip', () => {
    // Santiago springs forward at midnight: 00:00 on 2024-09-08 never happens.
    const h = { tz: 'America/Santiago', workDays: [7], startMinute: 0, endMinute: 120 };
    const next = nextWorkingInstant(atLocalTime('2024-09-07', '12:00', 'America/Santiago'), h);
    expect(next.toISOString()).toBe('2024-09-08T04:00:00.000Z'); // 01:00 -03
  });

  it('re-enters the window when an overlap repeats an hour inside it', () => {
    // London falls back at 02:00 BST on 2024-10-27: 01:00–02:00 happens twice.
    const h = { tz: 'Europe/London', workDays: [7], startMinute: 60, endMinute: 90 };
    const between = new Date('2024-10-27T00:45:00Z'); // 01:45 BST, after the first window
    expect(nextWorkingInstant(between, h).toISOString()).toBe('2024-10-27T01:00:00.000Z'); // 01:00 GMT
  });
});

describe('resolveWorkingHours', () => {
  it('falls back to UTC for a zone it does not know', () => {
    const h = resolveWorkingHours({ ...london, tz: 'Mars/Olympus_Mons' });
    expect(h.tz).toBe('UTC');
    expect(nextWorkingInstant(new Date('2024-06-15T12:00:00Z'), { ...london, tz: 'Nowhere' }).toISOString()).toBe(
      '2024-06-17T09:00:00.000Z',
    );
  });

  it('falls back to the default window and days for impossible preferences', () => {
    expect(resolveWorkingHours({ tz: 'UTC', workDays: [], startMinute: 600, endMinute: 540 })).toEqual({
      tz: 'UTC',
      workDays: [1, 2, 3, 4, 5],
      startMinute: 540,
      endMinute: 1050,
    });
  });
});
