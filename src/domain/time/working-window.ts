// A working window without its zone: the weekdays and the hours a person works, as an
// operator writes the default (`WORK_DAYS=1-5`, `WORK_HOURS=09:00-17:30`) and as a person
// sets their own. The zone is not part of it because it always follows Slack.
import type { WorkingHours } from './working-hours.js';

export type WorkingWindow = Omit<WorkingHours, 'tz'>;

const MINUTES_PER_DAY = 24 * 60;

/** "1-5", "1,2,3,4,5" or "1-3,5" (ISO weekdays, 1 = Monday) → sorted days; undefined otherwise. */
export function parseWorkDays(text: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim())) {
    const range = /^([1-7])(?:\s*-\s*([1-7]))?$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (from > to) return undefined;
    for (let d = from; d <= to; d++) days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

/** "09:00" → 540 minutes after midnight; "24:00" is the end of the day. Undefined otherwise. */
export function parseClock(text: string): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minute <= MINUTES_PER_DAY ? minute : undefined;
}

/** "09:00-17:30" → the window's minutes; undefined unless the start comes before the end. */
export function parseWorkHours(text: string): Pick<WorkingWindow, 'startMinute' | 'endMinute'> | undefined {
  const [start, end, ...rest] = text.split('-').map(parseClock);
  if (start === undefined || end === undefined || rest.length > 0 || start >= end) return undefined;
  return { startMinute: start, endMinute: end };
}

/** 540 → "09:00". */
export function formatClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
