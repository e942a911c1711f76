// A person's own working hours as they submit them in Settings: which weekdays, from
// when to when. Checked here, without Slack, so every rule has a plain unit test; the
// errors are keyed by the form's fields and worded for the person.
import { parseClock, type WorkingWindow } from '../time/working-window.js';

export type WorkingHoursField = 'work_days' | 'work_start' | 'work_end';
export type WorkingHoursErrors = Partial<Record<WorkingHoursField, string>>;

export interface WorkingHoursAnswers {
  /** Checkbox values: ISO weekdays as strings, "1" = Monday. */
  days: string[];
  /** "HH:MM" from the time pickers, on the person's own clock. */
  start?: string;
  end?: string;
}

export type WorkingHoursCheck = { ok: true; window: WorkingWindow } | { ok: false; errors: WorkingHoursErrors };

export function checkWorkingHoursForm(answers: WorkingHoursAnswers): WorkingHoursCheck {
  const errors: WorkingHoursErrors = {};
  const days = answers.days.map(Number);
  if (days.length === 0) errors.work_days = 'Pick at least one day.';
  // Only a tampered or outdated form can send other values; nothing of it is trusted.
  else if (!days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7)) errors.work_days = 'Those days could not be read. Please pick them again.';
  const start = answers.start === undefined ? undefined : parseClock(answers.start);
  const end = answers.end === undefined ? undefined : parseClock(answers.end);
  if (start === undefined) errors.work_start = 'When does your working day start?';
  if (end === undefined) errors.work_end = 'When does your working day end?';
  else if (start !== undefined && start >= end) errors.work_end = 'The end must come after the start.';
  if (Object.keys(errors).length > 0 || start === undefined || end === undefined) return { ok: false, errors };
  return { ok: true, window: { workDays: [...new Set(days)].sort((a, b) => a - b), startMinute: start, endMinute: end } };
}
