import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { sessionTimes } from '../../../src/domain/planner/session-times.js';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { instantsAtWallClock } from '../../../src/domain/time/zone-clock.js';
import { quarterHourArb, zoneArb } from '../time/arbitraries.js';
import { localDateArb, sessionMinuteArb } from './arbitraries.js';

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('sessionTimes', () => {
  it('keeps every session at the same local wall-clock time, cadence days apart, across DST changes', () => {
    fc.assert(
      fc.property(
        zoneArb,
        localDateArb,
        fc.oneof(sessionMinuteArb, quarterHourArb(0, 23 * 60 + 45)),
        fc.constantFrom(7, 14, 21),
        fc.integer({ min: 6, max: 12 }),
        (tz, date, minute, cadence, count) => {
          const first = atLocalTime(date, hhmm(minute), tz);
          const times = sessionTimes(first, count, cadence, tz);
          expect(times).toHaveLength(count);
          const firstLocal = DateTime.fromJSDate(first, { zone: tz });
          times.forEach((t, i) => {
            const day = firstLocal.startOf('day').plus({ days: i * cadence });
            const local = DateTime.fromJSDate(t, { zone: tz });
            const reading = (firstLocal.hour * 60 + firstLocal.minute) * 60_000;
            if (instantsAtWallClock({ year: day.year, month: day.month, day: day.day }, reading, tz).length > 0) {
              expect(local.toFormat('yyyy-MM-dd HH:mm')).toBe(`${day.toISODate()} ${firstLocal.toFormat('HH:mm')}`);
            } else {
              // The clocks skip this reading on that day: the session is at the jump.
              expect(local.offset).not.toBe(DateTime.fromMillis(t.getTime() - 1, { zone: tz }).offset);
            }
            if (i > 0) expect(t.getTime()).toBeGreaterThan(times[i - 1]!.getTime());
          });
        },
      ),
      { numRuns: 120 },
    );
  });

  it('keeps fortnightly 10:00 sessions in London at 10:00 through both clock changes', () => {
    const times = sessionTimes(atLocalTime('2024-03-14', '10:00', 'Europe/London'), 18, 14, 'Europe/London');
    const readings = times.map((t) => DateTime.fromJSDate(t, { zone: 'Europe/London' }).toFormat('HH:mm'));
    expect(new Set(readings)).toEqual(new Set(['10:00']));
    expect(times[0]!.toISOString()).toBe('2024-03-14T10:00:00.000Z');
    expect(times[1]!.toISOString()).toBe('2024-03-28T10:00:00.000Z');
    expect(times[2]!.toISOString()).toBe('2024-04-11T09:00:00.000Z');
    expect(times[16]!.toISOString()).toBe('2024-10-24T09:00:00.000Z');
    expect(times[17]!.toISOString()).toBe('2024-11-07T10:00:00.000Z');
  });

  it('keeps Sydney sessions at their local time as the southern clocks change the other way', () => {
    const times = sessionTimes(atLocalTime('2024-03-25', '17:00', 'Australia/Sydney'), 3, 7, 'Australia/Sydney');
    expect(times.map((t) => t.toISOString())).toEqual([
      '2024-03-25T06:00:00.000Z',
      '2024-04-01T06:00:00.000Z',
      '2024-04-08T07:00:00.000Z',
    ]);
  });
});
