// Every kind of message Grow plans as a `nudges` row, named once. The database's check
// constraint, the planner's types and the sender's registry (`jobs/kinds/index.ts`) are
// all derived from this list, so a kind missing from any of them does not compile.

export const NUDGE_KINDS = [
  'follow_up',
  'precondition',
  'session_prep',
  'checkin_prompt',
  'midpoint_review',
  'closing_review',
  'invitation',
  'digest',
  'brief',
  'pulse_question',
  'pulse_reminder',
  'pulse_results',
  'pulse_shared',
  'session_held',
  'contracting_reminder',
  'sponsor_outcomes',
  'sponsor_change',
  'coach_notice',
] as const;

export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** The kinds the engagement planner (`planEngagement`) writes from an engagement's rhythm. */
export const RHYTHM_KINDS = ['follow_up', 'precondition', 'session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review', 'contracting_reminder'] as const satisfies readonly NudgeKind[];

export type RhythmKind = (typeof RHYTHM_KINDS)[number];

/** The stakeholder pulse's messages, planned with the engagement from its rounds (src/domain/pulse). */
export const PULSE_KINDS = ['pulse_question', 'pulse_reminder', 'pulse_results', 'pulse_shared'] as const satisfies readonly NudgeKind[];

export type PulseKind = (typeof PULSE_KINDS)[number];

/** The sponsor's two questions: the outcomes hoped for (after acceptance) and the change seen (at the closing review). */
export const SPONSOR_KINDS = ['sponsor_outcomes', 'sponsor_change'] as const satisfies readonly NudgeKind[];

export type SponsorKind = (typeof SPONSOR_KINDS)[number];

/** The kinds an engagement's plan owns: its rhythm, its invitation, its pulse and its sponsor's questions (digests and briefs are the coach's). */
export const ENGAGEMENT_PLAN_KINDS = [...RHYTHM_KINDS, 'invitation', ...PULSE_KINDS, ...SPONSOR_KINDS] as const satisfies readonly NudgeKind[];

export function isNudgeKind(value: string): value is NudgeKind {
  return (NUDGE_KINDS as readonly string[]).includes(value);
}
