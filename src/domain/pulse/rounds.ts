// When each round of the pulse is open. Baseline opens once contracting is done and the
// stakeholders are named; the midpoint and closing rounds close when the leader's own
// midpoint and closing reviews fall due, so the review can set the leader's rating next
// to what the stakeholders said. A round is open for five working days on the leader's
// calendar; once it has opened, its times and the people asked never change.
import { addWorkingDays } from '../time/working-days.js';
import { nextWorkingInstant, type WorkingHours } from '../time/working-hours.js';
import { OPEN_WORKING_DAYS, type PulseStage } from './rules.js';

export interface RoundTimes {
  stage: PulseStage;
  opensAt: Date;
  closesAt: Date;
}

export interface StoredRound extends RoundTimes {
  /** The people asked, as stored; for an opened round they are the round's for good. */
  invitees: string[];
}

export interface PlannedRound extends RoundTimes {
  invitees: string[];
  /** Opened before this plan: nothing about it may change. */
  fixed: boolean;
}

export interface RoundsInput {
  /** When contracting was completed; no rounds before it. */
  contractedAt: Date | null;
  /** The stakeholders named now, and when the first of them was named. */
  stakeholders: string[];
  namedAt: Date | null;
  stored: StoredRound[];
  /** When the leader's midpoint and closing reviews are planned (the engagement planner's times). */
  reviews: { midpoint?: Date | null; closing?: Date | null };
  hours: WorkingHours;
  now: Date;
}

const isOpened = (r: { opensAt: Date }, now: Date) => r.opensAt.getTime() <= now.getTime();

function windowEndingAt(stage: PulseStage, reviewAt: Date, hours: WorkingHours, now: Date): RoundTimes {
  const opensAt = addWorkingDays(reviewAt, -OPEN_WORKING_DAYS, hours);
  // Too late to give five working days before the review: open now, close five days on.
  if (opensAt.getTime() >= now.getTime()) return { stage, opensAt, closesAt: reviewAt };
  const start = nextWorkingInstant(now, hours);
  return { stage, opensAt: start, closesAt: addWorkingDays(start, OPEN_WORKING_DAYS, hours) };
}

/** Every round the engagement should have now, opened ones as they were. */
export function planRounds(input: RoundsInput): PlannedRound[] {
  const { now, hours } = input;
  const stored = new Map(input.stored.map((r) => [r.stage, r]));
  const planned: PlannedRound[] = [];
  const keep = (stage: PulseStage, times: RoundTimes | null) => {
    const was = stored.get(stage);
    if (was && isOpened(was, now)) planned.push({ ...was, fixed: true });
    else if (times && input.stakeholders.length > 0) planned.push({ ...times, invitees: [...input.stakeholders], fixed: false });
  };
  const ready = input.contractedAt && input.namedAt && input.stakeholders.length > 0;
  const mid = ready && input.reviews.midpoint ? windowEndingAt('midpoint', input.reviews.midpoint, hours, now) : null;
  let baseline: RoundTimes | null = null;
  if (ready) {
    const opensAt = new Date(Math.max(input.contractedAt!.getTime(), input.namedAt!.getTime()));
    const closesAt = addWorkingDays(opensAt, OPEN_WORKING_DAYS, hours);
    // A baseline that would still be open when the midpoint round opens measures nothing.
    if (!mid || closesAt.getTime() <= mid.opensAt.getTime()) baseline = { stage: 'baseline', opensAt, closesAt };
  }
  keep('baseline', baseline);
  keep('midpoint', mid);
  keep('closing', ready && input.reviews.closing ? windowEndingAt('closing', input.reviews.closing, hours, now) : null);
  return planned;
}
