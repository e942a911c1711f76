// The day and time a coach wants their weekly digest, as they submit it in Settings.
// Checked here, without Slack; errors are keyed by the form's fields.
import type { DigestTime } from '../digest/index.js';
import { parseClock } from '../time/working-window.js';

export type DigestTimeField = 'digest_day' | 'digest_time';
export type DigestTimeErrors = Partial<Record<DigestTimeField, string>>;

export interface DigestTimeAnswers {
  /** The select's value: an ISO weekday as a string, "1" = Monday. */
  day?: string;
  /** "HH:MM" from the time picker, on the coach's own clock. */
  time?: string;
}

export function checkDigestTimeForm(answers: DigestTimeAnswers): { ok: true; time: DigestTime } | { ok: false; errors: DigestTimeErrors } {
  const errors: DigestTimeErrors = {};
  const day = Number(answers.day);
  if (!Number.isInteger(day) || day < 1 || day > 7) errors.digest_day = 'On which day would you like your weekly digest?';
  const minute = answers.time === undefined ? undefined : parseClock(answers.time);
  if (minute === undefined || minute >= 24 * 60) errors.digest_time = 'At what time would you like it?';
  if (Object.keys(errors).length > 0 || minute === undefined) return { ok: false, errors };
  return { ok: true, time: { day, minute } };
}
