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

/**
 * Five working days ending at the review; or, when that would start before `earliest`
 * (now, or the close of the round before), five working days from then.
 */
function windowEndingAt(stage: PulseStage, reviewAt: Date, hours: WorkingHours, earliest: Date): RoundTimes {
  const opensAt = addWorkingDays(reviewAt, -OPEN_WORKING_DAYS, hours);
  if (opensAt.getTime() >= earliest.getTime()) return { stage, opensAt, closesAt: reviewAt };
  const start = nextWorkingInstant(earliest, hours);
  return { stage, opensAt: start, closesAt: addWorkingDays(start, OPEN_WORKING_DAYS, hours) };
}

/**
 * Every round the engagement should have now, opened ones as they were. Rounds never
 * overlap: each opens no earlier than the one before it closed, so a stakeholder is asked
 * one thing at a time.
 */
export function planRounds(input: RoundsInput): PlannedRound[] {
  const { now, hours } = input;
  const stored = new Map(input.stored.map((r) => [r.stage, r]));
  const opened = (stage: PulseStage) => {
    const was = stored.get(stage);
    return was && isOpened(was, now) ? was : undefined;
  };
  const planned: PlannedRound[] = [];
  const ready = input.contractedAt && input.namedAt && input.stakeholders.length > 0;
  let earliest = now;
  const add = (stage: PulseStage, plan: (() => RoundTimes) | null) => {
    const fixed = opened(stage);
    const round: PlannedRound | null = fixed
      ? { ...fixed, fixed: true }
      : ready && plan
        ? { ...plan(), invitees: [...input.stakeholders], fixed: false }
        : null;
    if (!round) return;
    planned.push(round);
    if (round.closesAt.getTime() > earliest.getTime()) earliest = round.closesAt;
  };
  // Named only once a later round has opened, the people asked have no baseline to give.
  const laterOpened = opened('midpoint') ?? opened('closing');
  add(
    'baseline',
    laterOpened
      ? null
      : () => {
          const opensAt = new Date(Math.max(input.contractedAt!.getTime(), input.namedAt!.getTime()));
          return { stage: 'baseline', opensAt, closesAt: addWorkingDays(opensAt, OPEN_WORKING_DAYS, hours) };
        },
  );
  const { midpoint, closing } = input.reviews;
  add('midpoint', midpoint ? () => windowEndingAt('midpoint', midpoint, hours, earliest) : null);
  add('closing', closing ? () => windowEndingAt('closing', closing, hours, earliest) : null);
  return planned;
}
