// The follow-up on the leader's latest open action. One per action (a new action after a
// check-in gets its own), moved by a snooze to a fresh slot so a follow-up already sent
// is never confused with the one the leader asked for later.
import { nextWorkingInstant, type WorkingHours } from '../time/working-hours.js';
import { dedupeKeyFor } from './dedupe-key.js';
import { dueDateSlot } from './due-date-slot.js';
import { placeBefore } from './placement.js';
import type { RhythmSettings } from './rhythm.js';
import { sessionAfter, sessionAtOrBefore, type LiveSession } from './timeline.js';
import type { NudgeSpec, PlanInput } from './types.js';

/**
 * Unsnoozed, the follow-up asks once the action could have happened:
 * - an action due before the next session (or with no session ahead) is asked about late
 *   on its due date, or the next working morning (`dueDateSlot`), if that is still before
 *   the next session; otherwise nothing, as the session itself will cover it;
 * - an action due at or after the next session (the default when the leader chose no
 *   date) is asked about `followUpFraction` of the way from the later of (the session
 *   before the check-in, the check-in itself) to that session.
 * Never before the check-in that made the action.
 */
function followUpDue(input: PlanInput, live: LiveSession[], rhythm: RhythmSettings, hours: WorkingHours): Date | null {
  const action = input.openAction!;
  const checkInMs = input.lastCheckInAt?.getTime();
  const anchorMs = checkInMs ?? input.now.getTime();
  const prev = sessionAtOrBefore(live, anchorMs);
  const next = sessionAfter(live, anchorMs);
  // Without a check-in, the session before stands in for it (so re-planning does not move the slot).
  const starts = [prev?.startMs, checkInMs].filter((ms): ms is number => ms !== undefined);
  const fromMs = starts.length > 0 ? Math.max(...starts) : anchorMs;
  const dueMs = action.dueAt.getTime();
  if (!next || dueMs < next.startMs) {
    const at = dueDateSlot(action.dueAt, fromMs, hours);
    return !next || at.getTime() < next.startMs ? at : null;
  }
  const preferredMs = fromMs + rhythm.followUpFraction * (next.startMs - fromMs);
  return placeBefore(preferredMs, fromMs, next.startMs, hours);
}

export function planFollowUp(
  input: PlanInput,
  live: LiveSession[],
  rhythm: RhythmSettings,
  hours: WorkingHours,
): NudgeSpec | null {
  const action = input.openAction;
  if (!action) return null;
  const snoozed = action.snoozedUntil ?? null;
  const dueAt = snoozed ? nextWorkingInstant(snoozed, hours) : followUpDue(input, live, rhythm, hours);
  if (!dueAt) return null;
  const occurrence = snoozed ? `${action.id}:snoozed:${snoozed.getTime()}` : action.id;
  return {
    kind: 'follow_up',
    recipientId: input.leader.userId,
    dedupeKey: dedupeKeyFor(input.engagement.id, 'follow_up', occurrence),
    dueAt,
    ref: { actionId: action.id },
  };
}
