// `/grow pause [days]`: how long, and until when on the leader's calendar. A pause ends
// at the start of a local day, so "pause 7" on a Monday means back next Monday morning.
import { DateTime } from 'luxon';
import { resolveZone } from '../time/zone-clock.js';

export const PAUSE_DAYS = { min: 1, max: 90, default: 7 } as const;

export type PauseDays = { ok: true; days: number } | { ok: false; message: string };

export function parsePauseDays(arg: string | undefined): PauseDays {
  if (arg === undefined || arg.trim() === '') return { ok: true, days: PAUSE_DAYS.default };
  const text = arg.trim();
  const days = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(days) || days < PAUSE_DAYS.min || days > PAUSE_DAYS.max) {
    return {
      ok: false,
      message: `How many days would you like to pause for? A whole number from ${PAUSE_DAYS.min} to ${PAUSE_DAYS.max} works, e.g. \`/grow pause 14\`.`,
    };
  }
  return { ok: true, days };
}

/** Local midnight `days` days after today, in `tz`. */
export function pauseEndsAt(now: Date, days: number, tz: string): Date {
  return DateTime.fromJSDate(now, { zone: resolveZone(tz) }).startOf('day').plus({ days }).toJSDate();
}
