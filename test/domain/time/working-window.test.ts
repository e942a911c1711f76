// The operator's default window as written in the environment, and clock readings.
import { describe, expect, it } from 'vitest';
import { formatClock, parseClock, parseWorkDays, parseWorkHours } from '../../../src/domain/time/working-window.js';

describe('WORK_DAYS', () => {
  it('reads ranges, lists and both at once as sorted ISO weekdays', () => {
    expect(parseWorkDays('1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays('1,2,3,4,5')).toEqual([1, 2, 3, 4, 5]);
    expect(parseWorkDays('6, 1-3, 2')).toEqual([1, 2, 3, 6]);
    expect(parseWorkDays('7')).toEqual([7]);
  });

  it('refuses days that are not ISO weekdays, backwards ranges and anything else', () => {
    for (const bad of ['', '0-4', '1-8', '5-1', 'mon-fri', '1,,2', '1-', '12']) expect(parseWorkDays(bad)).toBeUndefined();
  });
});

describe('WORK_HOURS', () => {
  it('reads a start and an end on the 24-hour clock', () => {
    expect(parseWorkHours('09:00-17:30')).toEqual({ startMinute: 540, endMinute: 1050 });
    expect(parseWorkHours('7:15-24:00')).toEqual({ startMinute: 435, endMinute: 1440 });
  });

  it('refuses a window that ends before it starts, or is empty, or is not two clock readings', () => {
    for (const bad of ['17:30-09:00', '09:00-09:00', '09:00', '09:00-17:30-18:00', '9-17', '09:60-17:00', '25:00-26:00']) {
      expect(parseWorkHours(bad)).toBeUndefined();
    }
  });
});

describe('clock readings', () => {
  it('round-trip between "HH:MM" and minutes after midnight', () => {
    for (const minute of [0, 1, 540, 1050, 1439]) expect(parseClock(formatClock(minute))).toBe(minute);
    expect(formatClock(545)).toBe('09:05');
    expect(parseClock('24:01')).toBeUndefined();
  });
});
