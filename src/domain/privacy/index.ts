// Confidentiality rules: what of a leader's record their coach may see.
export { closingRatingsReachCoach, coachViewOf, MOMENT_KIND } from './coach-view.js';
export { coachPulseView, sharedPulseStagesOf, type CoachPulseTarget, type CoachPulseView, type PulseRoundSharing } from './pulse-view.js';
export type * from './types.js';
export { COACH_SEES, coachSeesSentence, type PromiseSubject, type SeenPart } from './promises.js';
export {
  processFactsOf,
  SPONSOR_NEVER_SEES,
  SPONSOR_SEES,
  SPONSOR_STATUS_LABELS,
  sponsorAnswersSeenBy,
  sponsorViewOf,
  type SeenSponsorAnswers,
  type SponsorAnswerRecord,
  type SponsorRecord,
  type SponsorStatus,
  type SponsorView,
} from './sponsor-view.js';
