// Properties of when the planner places each nudge, over random zones, dates, cadences,
// session times and working hours.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEngagement } from '../../../src/domain/planner/plan-engagement.js';
import type { NudgeSpec, PlanInput } from '../../../src/domain/planner/types.js';
import { defaultWorkingHours, type WorkingHours } from '../../../src/domain/time/working-hours.js';
import { insideWorkingHours, zoneArb } from '../time/arbitraries.js';
import { endOf, liveOf, planInputArb } from './arbitraries.js';

const RUNS = { numRuns: 80 };
const defaultHoursArb = zoneArb.map((tz): WorkingHours => ({ ...defaultWorkingHours, workDays: [1, 2, 3, 4, 5], tz }));
const ofKind = (specs: NudgeSpec[], kind: NudgeSpec['kind']) => specs.filter((s) => s.kind === kind);

describe('planEngagement: timing', () => {
  it('puts every nudge inside the leader’s working hours, on a working day, in the leader’s zone', () => {
    fc.assert(
      fc.property(planInputArb(), (input) => {
        for (const spec of planEngagement(input)) {
          expect(insideWorkingHours(spec.dueAt, input.leader.hours), `${spec.dedupeKey} ${spec.dueAt.toISOString()}`).toBe(true);
          expect(spec.recipientId).toBe(input.leader.userId);
        }
      }),
      RUNS,
    );
  });

  it('puts every session prep before its session and after the previous session', () => {
    fc.assert(
      fc.property(planInputArb(), (input) => {
        const live = liveOf(input);
        for (const prep of ofKind(planEngagement(input), 'session_prep')) {
          const i = live.findIndex((s) => s.id === prep.sessionId);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(prep.dueAt.getTime()).toBeLessThan(live[i]!.scheduledAt.getTime());
          if (i > 0) expect(prep.dueAt.getTime()).toBeGreaterThanOrEqual(endOf(live[i - 1]!, input));
        }
      }),
      RUNS,
    );
  });

  it('prepares for every session still on the calendar when the leader keeps ordinary hours', () => {
    fc.assert(
      fc.property(planInputArb(defaultHoursArb), (input) => {
        const preps = ofKind(planEngagement({ ...input, leader: { ...input.leader, pausedUntil: null } }), 'session_prep');
        expect(preps.map((p) => p.sessionId).sort()).toEqual(liveOf(input).map((s) => s.id).sort());
      }),
      RUNS,
    );
  });

  it('places the midpoint review after session ⌈n/2⌉ and before the next, the closing review after the last', () => {
    fc.assert(
      fc.property(planInputArb(), (input) => {
        const live = liveOf(input);
        const specs = planEngagement({ ...input, leader: { ...input.leader, pausedUntil: null } });
        const [midpoint, ...moreMidpoints] = ofKind(specs, 'midpoint_review');
        const [closing, ...moreClosings] = ofKind(specs, 'closing_review');
        expect(moreMidpoints).toEqual([]);
        expect(moreClosings).toEqual([]);
        if (midpoint) {
          const m = Math.ceil(live.length / 2) - 1;
          expect(midpoint.sessionId).toBe(live[m]!.id);
          expect(midpoint.dueAt.getTime()).toBeGreaterThanOrEqual(endOf(live[m]!, input));
          expect(midpoint.dueAt.getTime()).toBeLessThan(live[m + 1]!.scheduledAt.getTime());
        }
        if (closing) {
          const last = live[live.length - 1]!;
          expect(closing.sessionId).toBe(last.id);
          expect(closing.dueAt.getTime()).toBeGreaterThanOrEqual(endOf(last, input));
        }
        if (live.length >= 1) expect(closing).toBeDefined();
      }),
      RUNS,
    );
  });

  it('always plans both reviews when the leader keeps ordinary hours', () => {
    fc.assert(
      fc.property(planInputArb(defaultHoursArb), (input: PlanInput) => {
        const specs = planEngagement({ ...input, leader: { ...input.leader, pausedUntil: null } });
        const live = liveOf(input);
        expect(ofKind(specs, 'midpoint_review')).toHaveLength(live.length >= 2 ? 1 : 0);
        expect(ofKind(specs, 'closing_review')).toHaveLength(live.length >= 1 ? 1 : 0);
      }),
      RUNS,
    );
  });

  it('prompts a check-in after each session, after it ends and before the next one', () => {
    fc.assert(
      fc.property(planInputArb(), (input) => {
        const live = liveOf(input);
        for (const prompt of ofKind(planEngagement(input), 'checkin_prompt')) {
          const i = live.findIndex((s) => s.id === prompt.sessionId);
          expect(prompt.dueAt.getTime()).toBeGreaterThanOrEqual(endOf(live[i]!, input));
          if (live[i + 1]) expect(prompt.dueAt.getTime()).toBeLessThan(live[i + 1]!.scheduledAt.getTime());
        }
      }),
      RUNS,
    );
  });

  it('keeps every dedupe key unique within a plan and names the engagement and kind in it', () => {
    fc.assert(
      fc.property(planInputArb(), (input) => {
        const specs = planEngagement(input);
        expect(new Set(specs.map((s) => s.dedupeKey)).size).toBe(specs.length);
        for (const s of specs) expect(s.dedupeKey.startsWith(`${input.engagement.id}:${s.kind}:`)).toBe(true);
      }),
      RUNS,
    );
  });
});
