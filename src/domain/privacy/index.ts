// Confidentiality rules: what of a leader's record their coach may see.
export { coachViewOf, MOMENT_KIND } from './coach-view.js';
export { coachPulseView, type CoachPulseTarget, type CoachPulseView } from './pulse-view.js';
export type * from './types.js';
export { COACH_SEES, coachSeesSentence, SPONSOR_SEES, sponsorSeesSentence, type PromiseSubject, type SeenPart } from './promises.js';
