// The default session calendar of an engagement: every `cadenceDays` from the first
// session, at the same wall-clock time in the leader's zone whatever DST does between.
import { DomainError } from '../errors.js';
import { addLocalDays } from '../time/local-time.js';

export function sessionTimes(firstSessionAt: Date, count: number, cadenceDays: number, tz: string): Date[] {
  if (!Number.isInteger(count) || count < 0) throw new DomainError('invalid_input', `session count: ${count}`);
  if (!Number.isInteger(cadenceDays) || cadenceDays < 1) throw new DomainError('invalid_input', `cadence: ${cadenceDays}`);
  // Each session is placed from the first, not from its predecessor, so a time that a
  // DST gap pushed forward once does not drift for the rest of the engagement.
  return Array.from({ length: count }, (_, i) => addLocalDays(firstSessionAt, i * cadenceDays, tz));
}
