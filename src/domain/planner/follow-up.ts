// The follow-up on the leader's latest open action. One per action (a new action after a
// check-in gets its own), moved by a snooze to a fresh slot so a follow-up already sent
// is never confused with the one the leader asked for later.
import { nextWorkingInstant, type WorkingHours } from '../time/working-hours.js';
import { dedupeKeyFor } from './dedupe-key.js';
import { placeBefore } from './placement.js';
import type { RhythmSettings } from './rhythm.js';
import { sessionAfter, sessionAtOrBefore, type LiveSession } from './timeline.js';
import type { NudgeSpec, PlanInput } from './types.js';

const DAY_MS = 86_400_000;

/**
 * Unsnoozed: `followUpFraction` of the way from the later of (the session before the
 * check-in, the check-in itself) to the next session — halfway between sessions when
 * the leader checks in right after one, later when they check in late, so the follow-up
 * never comes before the commitment it asks about. After the last session the action's
 * own due time stands in for the next session (or one cadence, if already due). With no
 * check-in and no session behind it, the action's due time is the follow-up.
 */
function followUpDue(input: PlanInput, live: LiveSession[], rhythm: RhythmSettings, hours: WorkingHours): Date | null {
  const action = input.openAction!;
  const checkInMs = input.lastCheckInAt?.getTime();
  const anchorMs = checkInMs ?? input.now.getTime();
  const prev = sessionAtOrBefore(live, anchorMs);
  const next = sessionAfter(live, anchorMs);
  const starts = [prev?.startMs, checkInMs].filter((ms): ms is number => ms !== undefined);
  if (starts.length === 0) return placeBefore(action.dueAt.getTime(), anchorMs, next?.startMs, hours);
  const fromMs = Math.max(...starts);
  const dueMs = action.dueAt.getTime();
  const toMs = next?.startMs ?? (dueMs > fromMs ? dueMs : fromMs + input.engagement.cadenceDays * DAY_MS);
  const preferredMs = fromMs + rhythm.followUpFraction * (toMs - fromMs);
  return placeBefore(preferredMs, fromMs, next?.startMs, hours);
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
