// Every nudge kind's definition, keyed by the kinds named in `src/domain/nudge-kinds.ts`:
// a kind added there without a definition here does not compile.
import type { NudgeKind } from '../../src/domain/nudge-kinds.js';
import { brief } from './brief.js';
import { checkInPrompt } from './checkin-prompt.js';
import { closingReview } from './closing-review.js';
import { coachNotice } from './coach-notice.js';
import { contractingReminder } from './contracting-reminder.js';
import { digest } from './digest.js';
import { followUp } from './follow-up.js';
import { invitation } from './invitation.js';
import type { KindDefinition } from './kind-definition.js';
import { midpointReview } from './midpoint-review.js';
import { precondition } from './precondition.js';
import { pulseQuestion, pulseReminder } from './pulse-question.js';
import { pulseResults, pulseShared } from './pulse-results.js';
import { sessionHeld } from './session-held.js';
import { sessionPrep } from './session-prep.js';
import { sponsorChange, sponsorOutcomes } from './sponsor-question.js';

export const KIND_DEFINITIONS = {
  follow_up: followUp,
  precondition,
  session_prep: sessionPrep,
  checkin_prompt: checkInPrompt,
  midpoint_review: midpointReview,
  closing_review: closingReview,
  invitation,
  digest,
  brief,
  pulse_question: pulseQuestion,
  pulse_reminder: pulseReminder,
  pulse_results: pulseResults,
  pulse_shared: pulseShared,
  session_held: sessionHeld,
  contracting_reminder: contractingReminder,
  sponsor_outcomes: sponsorOutcomes,
  sponsor_change: sponsorChange,
  coach_notice: coachNotice,
} satisfies Record<NudgeKind, KindDefinition>;

export type { KindDecision, KindDefinition, KindInput } from './kind-definition.js';
