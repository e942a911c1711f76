// When a committed action is due: the date the leader chose, else just before the next
// session, else 14 days out. Dates are the leader's local dates (Luxon, never offsets).
import { DateTime } from 'luxon';

export const DEFAULT_ACTION_DAYS = 14;

export interface DueDateInput {
  /** yyyy-mm-dd chosen by the leader, in their zone. */
  chosenDate?: string;
  nextSessionAt?: Date | null;
  tz: string;
  now: Date;
  /** End of the leader's working day, minutes after local midnight (default 17:30). */
  endMinute?: number;
  /** ISO weekdays the leader works (default Monday to Friday). */
  workDays?: number[];
}

/** The end of the leader's working day on the due date, or the next session itself. */
export function resolveActionDue(input: DueDateInput): Date {
  const zone = DateTime.now().setZone(input.tz).isValid ? input.tz : 'UTC';
  // A window that ends at midnight ends the day at 23:59, on the same date.
  const end = Math.min(input.endMinute ?? 17 * 60 + 30, 23 * 60 + 59);
  const endOfDay = { hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 };
  if (input.chosenDate) {
    const day = DateTime.fromISO(input.chosenDate, { zone });
    if (day.isValid) return day.set(endOfDay).toJSDate();
  }
  if (input.nextSessionAt && input.nextSessionAt > input.now) return input.nextSessionAt;
  // Two weeks out, brought back to the last working day on or before it: a default
  // deadline should not fall on a day off.
  const workDays = input.workDays?.length ? input.workDays : [1, 2, 3, 4, 5];
  let day = DateTime.fromJSDate(input.now, { zone }).plus({ days: DEFAULT_ACTION_DAYS });
  for (let i = 0; i < 6 && !workDays.includes(day.weekday); i++) day = day.minus({ days: 1 });
  return day.set(endOfDay).toJSDate();
}

/** The due date as the leader reads it, e.g. "Thu 3 Dec". */
export function formatLocalDate(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat('ccc d LLL');
}

/** When Grow will ask, exactly as the leader reads it, e.g. "Thu 3 Dec at 17:00". */
export function formatLocalDateTime(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat("ccc d LLL 'at' HH:mm");
}
