// Time rules for Grow: working windows, working-day arithmetic and wall-clock schedules,
// all in the person's own zone.
export {
  defaultWorkingHours,
  isWithinWorkingHours,
  nextWorkingInstant,
  resolveWorkingHours,
  type WorkingHours,
} from './working-hours.js';
export { addWorkingDays, deferPastDnd } from './working-days.js';
export { addLocalDays, atLocalTime, localDateOf, parseLocalDate, parseLocalTime } from './local-time.js';
export { resolveZone } from './zone-clock.js';
export { formatClock, parseClock, parseWorkDays, parseWorkHours, type WorkingWindow } from './working-window.js';
