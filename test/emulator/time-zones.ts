// Time-zone arithmetic for users.info (tz_offset, tz_label) and dnd.info windows, via Intl so
// the emulator needs no date library.

interface WallTime { year: number; month: number; day: number; hour: number; minute: number; second: number }

function wallTime(zone: string, epochMs: number): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Seconds east of UTC at that instant (Slack's tz_offset). */
export function offsetSeconds(zone: string, epochMs: number): number {
  const w = wallTime(zone, epochMs);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 1000);
}

/** e.g. "Pacific Standard Time"; Slack's tz_label. */
export function zoneLabel(zone: string, epochMs: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'long' }).formatToParts(new Date(epochMs));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant a local wall-clock time occurs in a zone (the first one, across DST folds). */
export function zonedToEpoch(zone: string, y: number, m: number, d: number, hh: number, mm: number): number {
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - offsetSeconds(zone, guess) * 1000;
  return guess - offsetSeconds(zone, first) * 1000;
}

/** Local calendar date of an instant in a zone, shifted by `addDays`. */
export function localDate(zone: string, epochMs: number, addDays = 0): { y: number; m: number; d: number } {
  const w = wallTime(zone, epochMs);
  const shifted = new Date(Date.UTC(w.year, w.month - 1, w.day + addDays));
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}
