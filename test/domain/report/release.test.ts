// When an aggregate may be shown: at least REPORT_MIN_LEADERS leaders, and the same as
// shown whichever one leader is left out, so comparing the reports before and after a
// leader joins or leaves a cohort never gives that leader's value away.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SponsorView } from '../../../src/domain/privacy/index.js';
import { buildProgrammeReport, OUTCOME_FIGURES, OUTCOME_KEYS, releaseFigure, roundToStep, type LeaderOutcomes, type OutcomeKey } from '../../../src/domain/report/index.js';

const facts = (i: number, programme: string | null): SponsorView => ({
  engagementId: `e${i}`, teamId: 'T1', leaderId: `L${i}`, coachId: 'C1', sponsorId: null, programme, status: 'active',
  sessionsHeld: 2, sessionsPlanned: 8, contractedOn: null, midpointReviewOn: null, closingReviewOn: null, pulseRoundsOn: [],
});

const outcomesArb: fc.Arbitrary<LeaderOutcomes> = fc.record(
  {
    actionsDone: fc.constantFrom(0, 0.25, 0.5, 0.6, 0.75, 1),
    commitmentTrend: fc.integer({ min: -9, max: 9 }),
    changeAtMidpoint: fc.integer({ min: -9, max: 9 }),
    changeAtClose: fc.constantFrom(-2, -1, 0, 0.5, 1, 1.5, 2, 3),
  },
  { requiredKeys: [] },
);
// Most leaders of a cohort alike, a few not: the figures are then often shown, so the
// differencing properties below are exercised on shown figures, not only on suppressed ones.
const cohortArb = fc
  .tuple(outcomesArb, fc.array(fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: outcomesArb }), { maxLength: 14 }))
  .map(([common, list]) => list.map((x) => x ?? common));
const minArb = fc.integer({ min: 3, max: 6 });

const report = (values: LeaderOutcomes[], minLeaders: number, programmeOf: (i: number) => string | null = () => null) =>
  buildProgrammeReport({ engagements: values.map((outcomes, i) => ({ facts: facts(i, programmeOf(i)), outcomes })), minLeaders });

describe('releasing an outcome figure', () => {
  it('shows a figure many leaders share, rounded to its step', () => {
    expect(releaseFigure([0.5, 0.5, 0.5, 0.5, 0.5, 0.5], { minLeaders: 5, step: 0.1 })).toEqual({ shown: true, value: 0.5, leaders: 6 });
    expect(releaseFigure([2, 2, 2, 2, 2, 3], { minLeaders: 5, step: 0.5 })).toEqual({ shown: true, value: 2, leaders: 6 });
  });

  it('suppresses every figure below the threshold, and never goes below three whatever it is set to', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 12 }), fc.integer({ min: 0, max: 8 }), (values, setting) => {
        const figure = releaseFigure(values, { minLeaders: setting, step: 0.5 });
        if (values.length < Math.max(setting, 3)) expect(figure.shown).toBe(false);
      }),
    );
    expect(releaseFigure([4, 4], { minLeaders: 1, step: 0.5 }).shown).toBe(false);
  });

  it('suppresses a figure one leader’s leaving would change, though enough leaders contribute', () => {
    // Five leaders at 0 and one at 9: the mean moves by 1.8 without the sixth.
    expect(releaseFigure([0, 0, 0, 0, 0, 9], { minLeaders: 5, step: 0.5 }).shown).toBe(false);
  });

  it('never reveals a leader by comparing the reports before and after they join a cohort', () => {
    let bothShown = 0;
    fc.assert(
      fc.property(cohortArb, outcomesArb, minArb, (others, newcomer, minLeaders) => {
        const before = report(others, minLeaders).cohorts[0]!;
        const after = report([...others, newcomer], minLeaders).cohorts[0]!;
        for (const key of OUTCOME_KEYS) {
          const a = before.figures[key];
          const b = after.figures[key];
          // Both shown: the same figure, so the difference is nothing, whatever the newcomer's value.
          if (a.shown && b.shown) {
            bothShown += 1;
            expect(b.value, key).toBe(a.value);
          }
        }
      }),
      { numRuns: 500 },
    );
    expect(bothShown).toBeGreaterThan(50);
  });

  it('never reveals a leader by comparing the reports before and after they leave a cohort', () => {
    fc.assert(
      fc.property(cohortArb.filter((c) => c.length > 0), fc.nat(), minArb, (values, pick, minLeaders) => {
        const leaving = pick % values.length;
        const before = report(values, minLeaders).cohorts[0]!;
        const after = report(values.filter((_, i) => i !== leaving), minLeaders).cohorts[0]!;
        for (const key of OUTCOME_KEYS) {
          const a = before.figures[key];
          const b = after.figures[key];
          if (a.shown && b.shown) expect(b.value, key).toBe(a.value);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('holds back a programme’s figure when the few leaders outside it could be worked out from the workspace’s', () => {
    fc.assert(
      fc.property(cohortArb.filter((c) => c.length >= 3), fc.integer({ min: 0, max: 14 }), minArb, (values, outsideCount, minLeaders) => {
        const inProgramme = (i: number) => (i >= outsideCount ? 'P' : null);
        const r = report(values, minLeaders, inProgramme);
        const workspace = r.cohorts[0]!;
        const programme = r.cohorts.find((c) => c.programme === 'P');
        if (!programme) return;
        for (const key of OUTCOME_KEYS as OutcomeKey[]) {
          const outside = values.filter((v, i) => !inProgramme(i) && v[key] !== undefined).length;
          if (programme.figures[key].shown && workspace.figures[key].shown) expect(outside === 0 || outside >= minLeaders, key).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rounds a mean alike however it was reached (the same leaders, added up or subtracted)', () => {
    const five = [0.75, 0.75, 0.75, 0.75, 0.75];
    const six = [...five, 0.6];
    const total = six.reduce((a, b) => a + b, 0);
    expect(roundToStep((total - 0.6) / 5, 0.1)).toBe(roundToStep(0.75, 0.1));
    const before = releaseFigure(five, { minLeaders: 3, step: 0.1 });
    const after = releaseFigure(six, { minLeaders: 3, step: 0.1 });
    if (before.shown && after.shown) expect(after.value).toBe(before.value);
    expect(before).toEqual({ shown: true, value: 0.8, leaders: 5 });
  });

  it('rounds each figure to its own step', () => {
    expect(OUTCOME_FIGURES.actionsDone.format(0.6)).toBe('60%');
    expect(OUTCOME_FIGURES.changeAtClose.format(1.5)).toBe('+1.5');
    expect(OUTCOME_FIGURES.commitmentTrend.format(-0.5)).toBe('−0.5');
  });
});
