// Confidentiality rules: what of a leader's record their coach may see.
export { closingRatingsReachCoach, coachViewOf, MOMENT_KIND } from './coach-view.js';
export { coachPulseView, sharedPulseStagesOf, type CoachPulseTarget, type CoachPulseView, type PulseRoundSharing } from './pulse-view.js';
export type * from './types.js';
