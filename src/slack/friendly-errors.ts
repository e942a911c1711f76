// Turns any error into a sentence a leader can act on. Library messages and stack traces
// never reach Slack; the log gets the detail instead.
import { isDatabaseUnavailable } from '../../db/client.js';
import { isDomainError, type DomainErrorCode } from '../domain/errors.js';

const MESSAGES: Record<DomainErrorCode, string> = {
  invalid_input: 'Something in that did not look right. Please check it and try again.',
  not_found: 'I could not find that any more. It may have been changed or removed.',
  forbidden: 'That is not something you can do here.',
  conflict: 'That was already done.',
  stale: 'That message is out of date; nothing was changed.',
  paused: 'Grow is paused for you. Type `/grow resume` to start again.',
  not_ready: 'Grow is still getting ready. Please try again in a minute.',
};

export const GENERIC_FAILURE = 'Sorry — something went wrong on my side and nothing was changed. Please try again in a moment.';

/** A database outage is not the leader's doing and passes by itself: say so, and when to retry. */
export const HAVING_TROUBLE = 'Grow is having trouble right now and nothing was changed. Please try again in a minute.';

export function friendlyMessage(error: unknown): string {
  if (isDomainError(error)) return error.userMessage ?? MESSAGES[error.code];
  if (isDatabaseUnavailable(error)) return HAVING_TROUBLE;
  return GENERIC_FAILURE;
}
