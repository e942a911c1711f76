// When coaches hear from Grow: the weekly digest on Monday at 09:00 on their own clock
// (inside their working hours), once per ISO week; the brief on the morning of the
// session, or the working day before when the morning leaves no time to read it.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BRIEF_MIN_LEAD_MS, briefDueAt, digestDedupeKey, digestDueAt, digestSlots, isDigestSuperseded, isoWeekOf, isoWeekOfDedupeKey } from '../../../src/domain/digest/index.js';
import { defaultWorkingHours, isWithinWorkingHours, type WorkingHours } from '../../../src/domain/time/index.js';
import { instantArb, workingHoursArb } from '../time/arbitraries.js';

const hours = (over: Partial<WorkingHours> = {}): WorkingHours => ({ ...defaultWorkingHours, workDays: [1, 2, 3, 4, 5], ...over });
const local = (at: Date | null, tz: string) => (at ? DateTime.fromJSDate(at, { zone: tz }).toFormat('ccc yyyy-MM-dd HH:mm') : null);

describe('digest timing', () => {
  it('names the ISO week on the coach’s clock, across the year boundary', () => {
    expect(isoWeekOf(new Date('2026-12-31T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-03T12:00:00Z'), 'UTC')).toBe('2026-W53');
    expect(isoWeekOf(new Date('2027-01-04T12:00:00Z'), 'UTC')).toBe('2027-W01');
    // Sunday evening in New York is already Monday in Tokyo.
    const sundayNight = new Date('2026-03-08T23:30:00Z');
    expect([isoWeekOf(sundayNight, 'America/New_York'), isoWeekOf(sundayNight, 'Asia/Tokyo')]).toEqual(['2026-W10', '2026-W11']);
    expect(digestDedupeKey('U0COACH001', '2026-W11')).toBe('digest:U0COACH001:2026-W11');
  });

  it('is due Monday 09:00 local, the same wall-clock time across a DST change', () => {
    const tz = 'America/New_York';
    expect(local(digestDueAt('2026-W10', hours({ tz })), tz)).toBe('Mon 2026-03-02 09:00');
    expect(local(digestDueAt('2026-W11', hours({ tz })), tz)).toBe('Mon 2026-03-09 09:00');
  });

  it('moves into the coach’s working hours: a later start, or a day off on Monday', () => {
    expect(local(digestDueAt('2026-W11', hours({ startMinute: 10 * 60 })), 'UTC')).toBe('Mon 2026-03-09 10:00');
    expect(local(digestDueAt('2026-W11', hours({ workDays: [2, 3, 4, 5] })), 'UTC')).toBe('Tue 2026-03-10 09:00');
  });

  it('comes on the day and at the time the coach chose, still inside their working hours', () => {
    const tz = 'Asia/Kolkata';
    expect(local(digestDueAt('2026-W11', hours({ tz }), { day: 5, minute: 16 * 60 + 30 }), tz)).toBe('Fri 2026-03-13 16:30');
    // Sunday evening for a coach who does not work Sundays: the next working morning.
    expect(local(digestDueAt('2026-W11', hours({ tz }), { day: 7, minute: 18 * 60 }), tz)).toBe('Mon 2026-03-16 09:00');
    expect(isDigestSuperseded('2026-W11', new Date('2026-03-19T12:00:00Z'), hours(), { day: 5, minute: 16 * 60 })).toBe(false);
    expect(isDigestSuperseded('2026-W11', new Date('2026-03-20T16:00:00Z'), hours(), { day: 5, minute: 16 * 60 })).toBe(true);
  });

  it('plans this week’s digest until a day after it fell due, and next week’s always', () => {
    const h = hours();
    const weeks = (iso: string) => digestSlots(new Date(iso), h).map((s) => s.isoWeek);
    expect(weeks('2026-03-09T08:00:00Z')).toEqual(['2026-W11', '2026-W12']);
    expect(weeks('2026-03-10T08:59:00Z')).toEqual(['2026-W11', '2026-W12']);
    expect(weeks('2026-03-11T12:00:00Z')).toEqual(['2026-W12']);
  });

  it('drops a digest held up until its successor is due', () => {
    expect(isoWeekOfDedupeKey('digest:U0COACH001:2026-W11')).toBe('2026-W11');
    expect(isoWeekOfDedupeKey('digest:U0COACH001:soon')).toBeUndefined();
    expect(isDigestSuperseded('2026-W11', new Date('2026-03-13T12:00:00Z'), hours())).toBe(false);
    expect(isDigestSuperseded('2026-W11', new Date('2026-03-16T09:00:00Z'), hours())).toBe(true);
    expect(isDigestSuperseded('2026-W53', new Date('2027-01-04T08:59:00Z'), hours())).toBe(false);
  });

  it('always lands inside working hours, never more than a day late, one slot per week', () => {
    fc.assert(
      fc.property(instantArb, workingHoursArb, (now, h) => {
        const slots = digestSlots(now, h);
        expect(new Set(slots.map((s) => s.isoWeek)).size).toBe(slots.length);
        expect(slots.map((s) => s.isoWeek)).toContain(isoWeekOf(new Date(now.getTime() + 7 * 86_400_000), h.tz));
        for (const slot of slots) {
          expect(isWithinWorkingHours(slot.dueAt, h)).toBe(true);
          expect(slot.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime() - 86_400_000);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('brief timing', () => {
  const h = hours({ tz: 'Europe/London' });
  const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' }).toJSDate();
  const early = new Date('2026-01-01T00:00:00Z');

  it('goes on the morning of the session, when the coach’s day opens', () => {
    expect(local(briefDueAt(at('2026-03-12T14:00'), h, early), h.tz)).toBe('Thu 2026-03-12 09:00');
  });

  it('goes the working day before when the session is too early to read it that morning', () => {
    expect(local(briefDueAt(at('2026-03-12T09:30'), h, early), h.tz)).toBe('Wed 2026-03-11 09:30');
    expect(local(briefDueAt(at('2026-03-09T08:00'), h, early), h.tz)).toBe('Fri 2026-03-06 09:00');
  });

  it('goes as soon as the coach is at work when planned late, and not at all when too late', () => {
    expect(local(briefDueAt(at('2026-03-12T14:00'), h, at('2026-03-12T11:00')), h.tz)).toBe('Thu 2026-03-12 11:00');
    expect(briefDueAt(at('2026-03-12T14:00'), h, at('2026-03-12T13:30'))).toBeNull();
  });

  it('is always in working hours, not before now, and at least an hour before the session', () => {
    fc.assert(
      fc.property(instantArb, workingHoursArb, fc.integer({ min: 0, max: 20 * 86_400_000 }), (now, wh, ahead) => {
        const session = new Date(now.getTime() + ahead);
        const due = briefDueAt(session, wh, now);
        if (due === null) return;
        expect(isWithinWorkingHours(due, wh)).toBe(true);
        expect(due.getTime()).toBeGreaterThanOrEqual(now.getTime());
        expect(due.getTime()).toBeLessThanOrEqual(session.getTime() - BRIEF_MIN_LEAD_MS);
      }),
      { numRuns: 300 },
    );
  });
});
