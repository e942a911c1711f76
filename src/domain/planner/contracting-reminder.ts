// One reminder to a leader who accepted but has not set their targets yet ("Later" on
// contracting): two working days after accepting, on their clock. Setting the targets
// drops it from the plan, so a pending one is cancelled by the re-plan.
import { addWorkingDays } from '../time/working-days.js';
import type { WorkingHours } from '../time/working-hours.js';
import { dedupeKeyFor, ONCE } from './dedupe-key.js';
import type { NudgeSpec } from './types.js';

export const CONTRACTING_REMINDER_WORKING_DAYS = 2;

export interface ContractingReminderInput {
  engagementId: string;
  leaderId: string;
  /** When the leader accepted; null while invited. */
  acceptedAt: Date | null;
  contracted: boolean;
  hours: WorkingHours;
}

export function planContractingReminder(input: ContractingReminderInput): NudgeSpec | null {
  if (!input.acceptedAt || input.contracted) return null;
  return {
    kind: 'contracting_reminder',
    recipientId: input.leaderId,
    dedupeKey: dedupeKeyFor(input.engagementId, 'contracting_reminder', ONCE),
    dueAt: addWorkingDays(input.acceptedAt, CONTRACTING_REMINDER_WORKING_DAYS, input.hours),
    ref: { engagementId: input.engagementId },
  };
}
