// The short nudge about what would make the action a 10, when the leader asked for it at
// the check-in: one working day before the follow-up (or halfway to it, when the action
// is due sooner), so there is still time to act on the answer. Never before the
// check-in, always before the follow-up it prepares.
import { addWorkingDays } from '../time/working-days.js';
import type { WorkingHours } from '../time/working-hours.js';
import { dedupeKeyFor } from './dedupe-key.js';
import { placeBefore } from './placement.js';
import type { NudgeSpec, PlanInput } from './types.js';

const HOUR_MS = 3_600_000;

/** A working day before the follow-up, or halfway to it; at least an hour after the check-in; null if no working time fits. */
export function preconditionAt(checkInAt: Date, followUpAt: Date, hours: WorkingHours): Date | null {
  const fromMs = checkInAt.getTime() + HOUR_MS;
  const followUpMs = followUpAt.getTime();
  const dayBefore = addWorkingDays(followUpAt, -1, hours).getTime();
  const preferredMs = dayBefore >= fromMs ? dayBefore : fromMs + (followUpMs - fromMs) / 2;
  return placeBefore(preferredMs, fromMs, followUpMs, hours);
}

export function planPrecondition(input: PlanInput, followUp: NudgeSpec | null, hours: WorkingHours): NudgeSpec | null {
  const action = input.openAction;
  if (!action?.askPrecondition || !followUp || action.snoozedUntil) return null;
  const dueAt = preconditionAt(input.lastCheckInAt ?? input.now, followUp.dueAt, hours);
  if (!dueAt) return null;
  return {
    kind: 'precondition',
    recipientId: input.leader.userId,
    dedupeKey: dedupeKeyFor(input.engagement.id, 'precondition', action.id),
    dueAt,
    ref: { actionId: action.id },
  };
}
