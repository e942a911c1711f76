import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../src/domain/errors.js';
import { addLocalDays, atLocalTime, localDateOf } from '../../../src/domain/time/local-time.js';
import { instantsAtWallClock } from '../../../src/domain/time/zone-clock.js';
import { instantArb, instantNearTransitionArb, localReading, zoneArb } from './arbitraries.js';

const zoneAndInstantArb = zoneArb.chain((tz) => fc.oneof(instantArb, instantNearTransitionArb(tz)).map((at) => ({ at, tz })));

describe('atLocalTime', () => {
  it('reads a date and time on the zone’s wall clock', () => {
    expect(atLocalTime('2024-07-01', '10:00', 'America/New_York').toISOString()).toBe('2024-07-01T14:00:00.000Z');
    expect(atLocalTime('2024-01-15', '10:00', 'Pacific/Chatham').toISOString()).toBe('2024-01-14T20:15:00.000Z');
    expect(atLocalTime('2024-01-15', '10:00', 'Asia/Kolkata').toISOString()).toBe('2024-01-15T04:30:00.000Z');
  });

  it('takes the first occurrence of a time the clocks repeat', () => {
    // 01:30 happens twice in London on 2024-10-27: first in BST (+01:00).
    expect(atLocalTime('2024-10-27', '01:30', 'Europe/London').toISOString()).toBe('2024-10-27T00:30:00.000Z');
  });

  it('takes the moment the clocks jump for a time they skip', () => {
    // 01:30 never happens in London on 2024-03-31: the clocks go from 01:00 to 02:00.
    expect(atLocalTime('2024-03-31', '01:30', 'Europe/London').toISOString()).toBe('2024-03-31T01:00:00.000Z');
    expect(atLocalTime('2024-10-06', '02:30', 'Australia/Sydney').toISOString()).toBe('2024-10-05T16:00:00.000Z');
  });

  it('reads an unknown zone as UTC', () => {
    expect(atLocalTime('2024-07-01', '10:00', 'Not/AZone').toISOString()).toBe('2024-07-01T10:00:00.000Z');
  });

  it('rejects malformed dates and times with an invalid_input error', () => {
    for (const [d, t] of [['2024-02-30', '10:00'], ['2024-13-01', '10:00'], ['2024-07-01', '24:00'], ['1/7/2024', '10:00']]) {
      let caught: unknown;
      try {
        atLocalTime(d!, t!, 'UTC');
      } catch (e) {
        caught = e;
      }
      expect(isDomainError(caught) && caught.code === 'invalid_input').toBe(true);
    }
  });
});

describe('addLocalDays', () => {
  it('keeps the wall-clock reading across DST changes whenever that reading exists', () => {
    fc.assert(
      fc.property(zoneAndInstantArb, fc.oneof(fc.integer({ min: -8, max: 8 }), fc.integer({ min: -400, max: 400 })), ({ at, tz }, days) => {
        const moved = addLocalDays(at, days, tz);
        const reading = DateTime.fromJSDate(at, { zone: tz });
        const date = reading.startOf('day').plus({ days });
        const msOfDay = ((reading.hour * 60 + reading.minute) * 60 + reading.second) * 1000 + reading.millisecond;
        const exists = instantsAtWallClock({ year: date.year, month: date.month, day: date.day }, msOfDay, tz).length > 0;
        const movedLocal = DateTime.fromJSDate(moved, { zone: tz });
        if (exists) {
          expect(movedLocal.toISODate()).toBe(date.toISODate());
          expect(localReading(moved, tz)).toBe(localReading(at, tz));
        } else {
          // A reading the clocks skip becomes the moment they jump.
          expect(movedLocal.offset).not.toBe(DateTime.fromJSDate(new Date(moved.getTime() - 1), { zone: tz }).offset);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keeps 10:00 in London at 10:00 across the spring change', () => {
    const before = atLocalTime('2024-03-26', '10:00', 'Europe/London');
    expect(addLocalDays(before, 7, 'Europe/London').toISOString()).toBe('2024-04-02T09:00:00.000Z');
    expect(localDateOf(addLocalDays(before, 7, 'Europe/London'), 'Europe/London')).toBe('2024-04-02');
  });
});
