// The pulse's fixed rules: how many stakeholders a leader names, how long a round stays
// open, when its one reminder goes, and how many answers it takes to show anything.
export const STAKEHOLDERS_MIN = 3;
export const STAKEHOLDERS_MAX = 8;
/** Below this many answers a round shows nothing: three is the smallest crowd to hide in. */
export const ANSWERS_TO_RELEASE = 3;
export const OPEN_WORKING_DAYS = 5;
export const REMINDER_AFTER_WORKING_DAYS = 3;
export const SCORE_MIN = -3;
export const SCORE_MAX = 3;
export const SUGGESTION_MAX = 1000;

export type PulseStage = 'baseline' | 'midpoint' | 'closing';
export const PULSE_STAGES: readonly PulseStage[] = ['baseline', 'midpoint', 'closing'];

/** Baseline asks for a suggestion only; the later rounds ask for a score as well. */
export const asksForScore = (stage: PulseStage): boolean => stage !== 'baseline';

export type StakeholderChoice = { ok: true; userIds: string[] } | { ok: false; error: string };

/**
 * 3–8 distinct people, never the leader and never their coach (the coach has their own
 * view; the leader cannot rate themselves anonymously).
 */
export function checkStakeholders(selected: readonly string[], leaderId: string, coachId: string): StakeholderChoice {
  const userIds = [...new Set(selected)];
  if (userIds.includes(leaderId)) return { ok: false, error: 'Choose people around you, not yourself.' };
  if (userIds.includes(coachId)) return { ok: false, error: 'Your coach sees what you share with them; choose colleagues here.' };
  if (userIds.length < STAKEHOLDERS_MIN || userIds.length > STAKEHOLDERS_MAX) {
    return { ok: false, error: `Choose between ${STAKEHOLDERS_MIN} and ${STAKEHOLDERS_MAX} people.` };
  }
  return { ok: true, userIds };
}
