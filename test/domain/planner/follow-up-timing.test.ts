// Properties of when the action's follow-up is asked, over random zones, calendars,
// working hours, check-ins and due dates: never on a local date before the action's due
// date when it is due before the next session, never before the check-in, always in
// working hours, and asked at all whenever there is working time left to ask in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDateSlot } from '../../../src/domain/planner/due-date-slot.js';
import { planEngagement } from '../../../src/domain/planner/plan-engagement.js';
import type { PlanInput } from '../../../src/domain/planner/types.js';
import { localDateOf } from '../../../src/domain/time/local-time.js';
import { insideWorkingHours, instantArb, workingHoursArb } from '../time/arbitraries.js';
import { liveOf, planInputArb } from './arbitraries.js';

const RUNS = { numRuns: 150 };

/** A leader who answers, is not paused and has not snoozed: the follow-up is the unsnoozed rule. */
const engagedArb = planInputArb()
  .filter((i) => !!i.openAction && !!i.lastCheckInAt)
  .map((i): PlanInput => ({
    ...i,
    leader: { ...i.leader, pausedUntil: null, unansweredFollowUps: 0 },
    openAction: { ...i.openAction!, snoozedUntil: null },
  }));

const followUpOf = (input: PlanInput) => planEngagement(input).find((s) => s.kind === 'follow_up');
const nextSessionMs = (input: PlanInput) =>
  liveOf(input).find((s) => s.scheduledAt.getTime() > input.lastCheckInAt!.getTime())?.scheduledAt.getTime();

describe('the follow-up on an action, timed from its due date', () => {
  it('is never on a local date before the due date when the action is due before the next session', () => {
    fc.assert(
      fc.property(engagedArb, (input) => {
        const next = nextSessionMs(input);
        const dueMs = input.openAction!.dueAt.getTime();
        fc.pre(next === undefined || dueMs < next);
        const followUp = followUpOf(input);
        if (!followUp) return;
        const tz = input.leader.hours.tz;
        expect(localDateOf(followUp.dueAt, tz) >= localDateOf(input.openAction!.dueAt, tz)).toBe(true);
      }),
      RUNS,
    );
  });

  it('is always inside working hours, never before the check-in, and before the next session', () => {
    fc.assert(
      fc.property(engagedArb, (input) => {
        const followUp = followUpOf(input);
        if (!followUp) return;
        expect(insideWorkingHours(followUp.dueAt, input.leader.hours)).toBe(true);
        expect(followUp.dueAt.getTime()).toBeGreaterThanOrEqual(input.lastCheckInAt!.getTime());
        const next = nextSessionMs(input);
        if (next !== undefined) expect(followUp.dueAt.getTime()).toBeLessThan(next);
      }),
      RUNS,
    );
  });

  it('is planned whenever no session lies ahead (there is always a working day to ask on)', () => {
    fc.assert(
      fc.property(engagedArb, (input) => {
        fc.pre(nextSessionMs(input) === undefined);
        expect(followUpOf(input)).toBeDefined();
      }),
      { numRuns: 40 },
    );
  });

  it('dueDateSlot: in working hours, not before the commitment, never on a date before the due date', () => {
    fc.assert(
      fc.property(workingHoursArb, instantArb, fc.integer({ min: -10, max: 30 * 24 * 60 }), (hours, due, minutesBefore) => {
        const notBefore = due.getTime() - minutesBefore * 60_000;
        const at = dueDateSlot(due, notBefore, hours);
        expect(insideWorkingHours(at, hours)).toBe(true);
        expect(at.getTime()).toBeGreaterThanOrEqual(notBefore);
        expect(localDateOf(at, hours.tz) >= localDateOf(due, hours.tz)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
