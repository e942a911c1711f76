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
}

/** End of the leader's working day (17:30 local) on the due date, or the session itself. */
export function resolveActionDue(input: DueDateInput): Date {
  const zone = DateTime.now().setZone(input.tz).isValid ? input.tz : 'UTC';
  if (input.chosenDate) {
    const day = DateTime.fromISO(input.chosenDate, { zone });
    if (day.isValid) return day.set({ hour: 17, minute: 30 }).toJSDate();
  }
  if (input.nextSessionAt && input.nextSessionAt > input.now) return input.nextSessionAt;
  return DateTime.fromJSDate(input.now, { zone }).plus({ days: DEFAULT_ACTION_DAYS }).set({ hour: 17, minute: 30, second: 0, millisecond: 0 }).toJSDate();
}

/** The due date as the leader reads it, e.g. "Thu 3 Dec". */
export function formatLocalDate(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat('ccc d LLL');
}
