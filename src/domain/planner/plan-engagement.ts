// The engagement planner: from an engagement, its sessions, the leader's preferences and
// state, to the full set of nudges Grow intends to send the leader. Pure and
// deterministic; `diffPlan` turns the result into row changes.
//
// Rules the whole plan obeys:
// - only an active engagement has a plan (anything else plans nothing, so its pending
//   rows are cancelled);
// - every nudge is inside the leader's working hours, in the leader's zone;
// - cancelled sessions have no nudges and do not count as "the next session";
// - a leader who accepted without setting targets is reminded once, two working days on;
// - back-off: once `backOffAfterUnanswered` follow-ups in a row go unanswered, only
//   session prep and reviews remain — no follow-ups, no check-in prompts;
// - pause: a nudge due before `pausedUntil` is dropped, not moved past the pause, so a
//   leader coming back from a break is not met by a pile of messages;
// - the past is planned too: a slot due before `now` is still returned. Re-planning must
//   not cancel a row only because its time has come; whether a late message is still
//   worth sending is the sender's call when it renders it;
// - style: the light rhythm plans only follow-ups and session prep, and no style plans a
//   kind the leader turned off.
import { resolveWorkingHours, type WorkingHours } from '../time/working-hours.js';
import { dedupeKeyFor, ONCE } from './dedupe-key.js';
import { planContractingReminder } from './contracting-reminder.js';
import { planFollowUp } from './follow-up.js';
import { planPrecondition } from './precondition.js';
import { placeBefore, placePrep } from './placement.js';
import { resolveRhythm, type RhythmSettings } from './rhythm.js';
import { liveSessions, midpointIndex, type LiveSession } from './timeline.js';
import type { RhythmKind, NudgeSpec, PlanInput } from './types.js';
import { plansKind } from '../engagement/style.js';

const HOUR_MS = 3_600_000;

interface Context {
  input: PlanInput;
  live: LiveSession[];
  rhythm: RhythmSettings;
  hours: WorkingHours;
}

function sessionSpec(ctx: Context, kind: RhythmKind, occurrence: string | number, s: LiveSession, dueAt: Date): NudgeSpec {
  return {
    kind,
    recipientId: ctx.input.leader.userId,
    dedupeKey: dedupeKeyFor(ctx.input.engagement.id, kind, occurrence),
    dueAt,
    sessionId: s.id,
    ref: { sessionId: s.id, seq: s.seq },
  };
}

function planPreps(ctx: Context): NudgeSpec[] {
  return ctx.live.flatMap((s, i) => {
    const at = placePrep(s, ctx.live[i - 1], ctx.rhythm.prepWorkingDaysBefore, ctx.hours);
    return at ? [sessionSpec(ctx, 'session_prep', s.seq, s, at)] : [];
  });
}

/** After a session ends: `hoursAfter` later, deferred into working hours, before the next session. */
function afterSession(ctx: Context, index: number, hoursAfter: number): Date | null {
  const s = ctx.live[index]!;
  return placeBefore(s.endMs + hoursAfter * HOUR_MS, s.endMs, ctx.live[index + 1]?.startMs, ctx.hours);
}

/** A check-in since a session began makes its prompt pointless. */
function planCheckinPrompts(ctx: Context): NudgeSpec[] {
  const lastCheckInMs = ctx.input.lastCheckInAt?.getTime() ?? -Infinity;
  return ctx.live.flatMap((s, i) => {
    if (lastCheckInMs >= s.startMs) return [];
    const at = afterSession(ctx, i, ctx.rhythm.checkinPromptHoursAfter);
    return at ? [sessionSpec(ctx, 'checkin_prompt', s.seq, s, at)] : [];
  });
}

/**
 * Midpoint after the ⌈n/2⌉-th of the n sessions still on the calendar, closing after the
 * last. One of each per engagement (keyed "once"), so a cancellation that shifts the
 * midpoint moves the review instead of adding a second one. With a single session left
 * there is no midpoint, only the close.
 */
function planReviews(ctx: Context): NudgeSpec[] {
  const n = ctx.live.length;
  const specs: NudgeSpec[] = [];
  if (n >= 2) {
    const i = midpointIndex(n) - 1;
    const at = afterSession(ctx, i, ctx.rhythm.midpointReviewHoursAfter);
    if (at) specs.push(sessionSpec(ctx, 'midpoint_review', ONCE, ctx.live[i]!, at));
  }
  if (n >= 1) {
    const at = afterSession(ctx, n - 1, ctx.rhythm.closingReviewHoursAfter);
    if (at) specs.push(sessionSpec(ctx, 'closing_review', ONCE, ctx.live[n - 1]!, at));
  }
  return specs;
}

export function planEngagement(input: PlanInput): NudgeSpec[] {
  if (input.engagement.status !== 'active') return [];
  const rhythm = resolveRhythm(input.rhythm);
  const hours = resolveWorkingHours(input.leader.hours);
  const ctx: Context = { input, live: liveSessions(input.sessions, input.engagement.sessionMinutes), rhythm, hours };
  const backedOff = input.leader.unansweredFollowUps >= rhythm.backOffAfterUnanswered;
  const followUp = backedOff ? null : planFollowUp(input, ctx.live, rhythm, hours);
  const precondition = planPrecondition(input, followUp, hours);
  const reminder = input.contracting
    ? planContractingReminder({ engagementId: input.engagement.id, leaderId: input.leader.userId, ...input.contracting, hours })
    : null;
  const specs = [
    ...(reminder ? [reminder] : []),
    ...planPreps(ctx),
    ...(backedOff ? [] : planCheckinPrompts(ctx)),
    ...planReviews(ctx),
    ...(followUp ? [followUp] : []),
    ...(precondition ? [precondition] : []),
  ];
  const pausedUntilMs = input.leader.pausedUntil?.getTime() ?? -Infinity;
  const style = input.engagement.style ?? 'standard';
  const muted = input.engagement.mutedKinds ?? [];
  return specs
    .filter((s) => s.dueAt.getTime() >= pausedUntilMs && plansKind(style, muted, s.kind))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.dedupeKey < b.dedupeKey ? -1 : 1));
}
