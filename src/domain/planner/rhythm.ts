// The rhythm of an engagement between sessions: every offset the planner uses, with the
// defaults Grow ships. Settings are configuration, so nonsense fails loudly.
import { DomainError } from '../errors.js';

export interface RhythmSettings {
  /** Where between session k and k+1 the action follow-up falls (0 = at k, 1 = at k+1). */
  followUpFraction: number;
  /** Session prep goes this many working days before the session (at least 1). */
  prepWorkingDaysBefore: number;
  /** Check-in prompt: hours after a session ends, then deferred into working hours. */
  checkinPromptHoursAfter: number;
  /** Midpoint review: hours after the midpoint session ends, then deferred. */
  midpointReviewHoursAfter: number;
  /** Closing review: hours after the last session ends, then deferred. */
  closingReviewHoursAfter: number;
  /** After this many unanswered follow-ups in a row, only prep and reviews are sent. */
  backOffAfterUnanswered: number;
  /** Invitation: minutes after the coach creates the engagement, then deferred. */
  invitationDelayMinutes: number;
}

export const defaultRhythm: Readonly<RhythmSettings> = Object.freeze({
  followUpFraction: 0.5,
  prepWorkingDaysBefore: 1,
  checkinPromptHoursAfter: 3,
  midpointReviewHoursAfter: 2,
  closingReviewHoursAfter: 2,
  backOffAfterUnanswered: 2,
  invitationDelayMinutes: 0,
});

/** What each setting accepts, as a test and in words; the operator's config checks the same. */
export interface RhythmRule {
  accepts: (v: number) => boolean;
  expects: string;
}

const nonNegative: RhythmRule = { accepts: (v) => Number.isFinite(v) && v >= 0, expects: 'a number of 0 or more' };

export const rhythmRules: { readonly [K in keyof RhythmSettings]: RhythmRule } = {
  followUpFraction: { accepts: (v) => Number.isFinite(v) && v > 0 && v < 1, expects: 'a number between 0 and 1, both excluded' },
  prepWorkingDaysBefore: { accepts: (v) => Number.isInteger(v) && v >= 1 && v <= 20, expects: 'a whole number from 1 to 20' },
  checkinPromptHoursAfter: nonNegative,
  midpointReviewHoursAfter: nonNegative,
  closingReviewHoursAfter: nonNegative,
  backOffAfterUnanswered: { accepts: (v) => Number.isInteger(v) && v >= 1, expects: 'a whole number of 1 or more' },
  invitationDelayMinutes: nonNegative,
};

export function resolveRhythm(overrides: Partial<RhythmSettings> = {}): RhythmSettings {
  const rhythm: RhythmSettings = { ...defaultRhythm };
  // An override left undefined (a partial config object) keeps the default.
  for (const [key, value] of Object.entries(overrides) as [keyof RhythmSettings, number | undefined][]) {
    if (value !== undefined) rhythm[key] = value;
  }
  for (const key of Object.keys(rhythmRules) as (keyof RhythmSettings)[]) {
    if (!rhythmRules[key].accepts(rhythm[key])) throw new DomainError('invalid_input', `rhythm setting ${key} out of range: ${rhythm[key]}`);
  }
  return rhythm;
}
