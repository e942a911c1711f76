// The shape every nudge kind fills in, in one file per kind under `jobs/kinds/`: who
// receives it, how it is planned, which delivery rules it honours, what its buttons do,
// and how it decides from current data whether it still applies and renders if so.
import type { Db } from '../../db/client.js';
import type { NudgeRow, RowEngagement } from '../../db/nudges.js';
import type { Person } from '../../db/people.js';
import type { Cipher } from '../../src/crypto.js';
import type { RhythmSettings } from '../../src/domain/planner/rhythm.js';
import type { NudgeMessage } from '../../src/slack/blocks/nudge-message.js';

/** What the sender does with a claimed row: post this message, or settle the row. */
export type KindDecision =
  | {
      applies: true;
      message: NudgeMessage;
      /** Leaders a coach's message covers, recorded so erasing one finds it. */
      about?: string[];
      /** Replies in the message's thread, for what one message cannot hold (a long digest). */
      replies?: { message: NudgeMessage; about: string[] }[];
    }
  | { applies: false; status: 'skipped' | 'cancelled' | 'failed'; reason: string };

/** Everything a kind reads at send time; free text is decrypted only to hand to its builder. */
export interface KindInput {
  db: Db;
  cipher: Cipher;
  row: NudgeRow;
  person: Person;
  /**
   * The row's engagement as the sender's claim read it: null when the row has none or it
   * is gone; absent when the caller did not read it, and whoever needs it reads it.
   */
  engagement?: RowEngagement | null;
  now: Date;
  /** The operator's rhythm: its back-off threshold decides what still goes out. */
  rhythm: RhythmSettings;
}

/**
 * Where rows of the kind come from: `engagement-rhythm` is `planEngagement` (src/domain/planner),
 * `engagement-invitation` is `planInvitation`, both written by `db/plan-sync.ts`;
 * `check-in` is a check-in or answer that plans its own follow-up (src/services);
 * `coach-schedule` is the hourly `plan-coach-nudges` job (db/coach-plan-sync.ts);
 * `engagement-pulse` is the stakeholder pulse's rounds (src/domain/pulse), written by
 * `db/plan-sync.ts` through `db/pulse-plan.ts`; `engagement-sponsor` is `planSponsorAsks`
 * (src/domain/planner/sponsor.ts), written by `db/plan-sync.ts`; `coach-notice` is an event
 * in an engagement recorded for its coach's next notice slot (db/coach-notices.ts).
 */
export type PlannedBy = 'engagement-rhythm' | 'engagement-invitation' | 'engagement-pulse' | 'engagement-sponsor' | 'check-in' | 'coach-schedule' | 'coach-notice';

/**
 * The rules the sender applies before posting. `pause` drops what falls due while the
 * recipient has paused; `workingHours` and `dnd` defer to the next good moment;
 * `backOff` skips once the recipient left `backOffAfterUnanswered` follow-ups unanswered.
 */
export interface DeliveryRules {
  workingHours: boolean;
  dnd: boolean;
  pause: boolean;
  backOff: boolean;
}

/**
 * Whether the sender checks the row's engagement before the kind decides: `always` (it
 * must be active), `when-linked` (active if the row has one; a check-in outside any
 * engagement still gets its follow-up), or `by-kind` (the kind checks it itself).
 */
export type EngagementGate = 'always' | 'when-linked' | 'by-kind';

export interface KindDefinition {
  /**
   * A stakeholder or sponsor who has left the workspace is skipped, not failed: the round
   * (or the engagement) goes on without them.
   */
  recipient: 'leader' | 'coach' | 'stakeholder' | 'sponsor';
  plannedBy: readonly PlannedBy[];
  engagement: EngagementGate;
  rules: DeliveryRules;
  /** The action ids of the message's buttons; the listeners registered for them answer. */
  actions: readonly string[];
  /** From current data: does the message still apply, and if so, the message. */
  decide(input: KindInput): Promise<KindDecision>;
}

/** The rules of a message to a person at work: every one but back-off. */
export const AT_WORK: DeliveryRules = { workingHours: true, dnd: true, pause: true, backOff: false };

/** A coach's message planned by the coach schedule: no buttons, and it checks its engagements itself. */
export const FOR_THE_COACH: Omit<KindDefinition, 'decide'> = { recipient: 'coach', plannedBy: ['coach-schedule'], engagement: 'by-kind', rules: AT_WORK, actions: [] };

export const skipped = (reason: string): KindDecision => ({ applies: false, status: 'skipped', reason });
export const cancelled = (reason: string): KindDecision => ({ applies: false, status: 'cancelled', reason });
export const failed = (reason: string): KindDecision => ({ applies: false, status: 'failed', reason });
export const post = (message: NudgeMessage, about?: string[], replies?: { message: NudgeMessage; about: string[] }[]): KindDecision => ({
  applies: true,
  message,
  ...(about ? { about } : {}),
  ...(replies && replies.length > 0 ? { replies } : {}),
});

/** A message of the leader's rhythm, at work, while the engagement is active. */
export const IN_THE_RHYTHM: Omit<KindDefinition, 'decide' | 'actions'> = { recipient: 'leader', plannedBy: ['engagement-rhythm'], engagement: 'always', rules: AT_WORK };

/** A message at work whose kind checks its engagement itself (it may outlive or precede an active one). */
export const checksItsEngagement = (recipient: KindDefinition['recipient'], plannedBy: PlannedBy): Omit<KindDefinition, 'decide' | 'actions'> => ({
  recipient,
  plannedBy: [plannedBy],
  engagement: 'by-kind',
  rules: AT_WORK,
});
