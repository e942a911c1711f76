// Properties of which nudges the planner emits: back-off, pause, status and determinism.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPlan, isEmptyDiff } from '../../../src/domain/planner/diff-plan.js';
import { planEngagement } from '../../../src/domain/planner/plan-engagement.js';
import type { NudgeSpec, PlanInput } from '../../../src/domain/planner/types.js';
import { planInputArb } from './arbitraries.js';

const RUNS = { numRuns: 60 };
const withLeader = (input: PlanInput, leader: Partial<PlanInput['leader']>): PlanInput => ({
  ...input,
  leader: { ...input.leader, ...leader },
});
const pendingRows = (specs: NudgeSpec[]) =>
  specs.map((s, i) => ({ id: `n${i}`, dedupeKey: s.dedupeKey, dueAt: new Date(s.dueAt), status: 'pending' as const }));

describe('planEngagement: which nudges', () => {
  it('backs off after two unanswered follow-ups: no follow-ups or check-in prompts, prep and reviews unchanged', () => {
    fc.assert(
      fc.property(planInputArb(), fc.integer({ min: 2, max: 6 }), (input, unanswered) => {
        const engaged = planEngagement(withLeader(input, { unansweredFollowUps: 0 }));
        const backedOff = planEngagement(withLeader(input, { unansweredFollowUps: unanswered }));
        expect(backedOff.filter((s) => s.kind === 'follow_up' || s.kind === 'checkin_prompt')).toEqual([]);
        expect(backedOff).toEqual(engaged.filter((s) => s.kind !== 'follow_up' && s.kind !== 'checkin_prompt'));
      }),
      RUNS,
    );
  });

  it('skips what falls in a pause rather than piling it up after it', () => {
    fc.assert(
      fc.property(planInputArb(), (input) => {
        const pausedUntil = input.leader.pausedUntil ?? input.now;
        const unpaused = planEngagement(withLeader(input, { pausedUntil: null }));
        const paused = planEngagement(withLeader(input, { pausedUntil }));
        expect(paused).toEqual(unpaused.filter((s) => s.dueAt.getTime() >= pausedUntil.getTime()));
      }),
      RUNS,
    );
  });

  it('plans nothing for an engagement that is not active', () => {
    fc.assert(
      fc.property(planInputArb(), fc.constantFrom('invited', 'declined', 'ended' as const), (input, status) => {
        expect(planEngagement({ ...input, engagement: { ...input.engagement, status } })).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('gives cancelled sessions no nudges of their own', () => {
    fc.assert(
      fc.property(planInputArb(), (input) => {
        const cancelled = new Set(input.sessions.filter((s) => s.status === 'cancelled').map((s) => s.id));
        for (const spec of planEngagement(input)) expect(cancelled.has(spec.sessionId ?? '')).toBe(false);
      }),
      RUNS,
    );
  });

  it('plans slots in the past too: apart from the follow-up, the plan does not depend on `now`', () => {
    fc.assert(
      fc.property(planInputArb(), fc.integer({ min: -60, max: 60 }), (input, days) => {
        const later = { ...input, now: new Date(input.now.getTime() + days * 86_400_000) };
        const strip = (specs: NudgeSpec[]) => specs.filter((s) => s.kind !== 'follow_up');
        expect(strip(planEngagement(later))).toEqual(strip(planEngagement(input)));
      }),
      RUNS,
    );
  });

  it('is deterministic, and a plan diffed against its own rows changes nothing', () => {
    fc.assert(
      fc.property(planInputArb(), (input) => {
        const first = planEngagement(input);
        const again = planEngagement(structuredClone(input));
        expect(again).toEqual(first);
        expect(isEmptyDiff(diffPlan(pendingRows(first), again))).toBe(true);
      }),
      RUNS,
    );
  });
});
