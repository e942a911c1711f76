// The engagement planner: what Grow will send a leader, and when.
export { planEngagement } from './plan-engagement.js';
export { diffPlan, isEmptyDiff, type ExistingNudge, type NudgeRowStatus, type PlanDiff } from './diff-plan.js';
export { planInvitation, type InvitationInput, type InvitationSpec } from './invitation.js';
export { sessionTimes } from './session-times.js';
export { defaultRhythm, resolveRhythm, rhythmRules, type RhythmSettings } from './rhythm.js';
export { dedupeKeyFor } from './dedupe-key.js';
export type {
  EngagementStatus,
  RhythmKind,
  NudgeSpec,
  PlanAction,
  PlanEngagement,
  PlanInput,
  PlanLeader,
  PlanSession,
  SessionStatus,
} from './types.js';
export { planSponsorAsks, type SponsorPlanInput, type SponsorSpec } from './sponsor.js';
