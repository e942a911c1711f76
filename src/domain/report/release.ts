// When an aggregate may be shown. Two rules, both needed:
//   1. at least `minLeaders` leaders contribute to it (k-anonymity);
//   2. it is the same, as shown (rounded to its step), whichever single leader is left
//      out. A report before and after one leader joins or leaves a cohort then shows
//      either the same figure or a suppressed one: comparing them tells nothing of that
//      leader's value, which plain k-anonymity would give away (n·mean − (n−1)·mean′).
// Suppression itself says only that the figure is not yet stable, not in which direction.

export const SUPPRESSED_TEXT = 'not enough engagements yet to show this without identifying anyone';

/** The smallest threshold any configuration may set. */
export const MIN_LEADERS_FLOOR = 3;

export type Figure = { shown: true; value: number; leaders: number } | { shown: false; leaders: number };

export interface ReleaseRule {
  minLeaders: number;
  /** Shown values are multiples of this (e.g. 0.1 for a share, 0.5 for a rating change). */
  step: number;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Rounds to the step, clear of floating-point noise on both sides: 7.4999999999 steps (a
 * mean reached by subtraction) and 7.5 steps round alike, and 0.30000000000000004 → 0.3.
 * Without the first, a leave-one-out mean and a plain mean of the same leaders could
 * round apart and a figure would differ between two reports of the same people.
 */
export function roundToStep(value: number, step: number): number {
  const steps = Number((value / step).toFixed(9));
  return Number((Math.round(steps) * step).toFixed(6));
}

/** One value per leader (already combined across their engagements). */
export function releaseFigure(values: readonly number[], rule: ReleaseRule): Figure {
  const leaders = values.length;
  const minLeaders = Math.max(rule.minLeaders, MIN_LEADERS_FLOOR);
  if (leaders < minLeaders) return { shown: false, leaders };
  const shown = roundToStep(mean(values), rule.step);
  const total = values.reduce((a, b) => a + b, 0);
  for (const value of values) {
    if (roundToStep((total - value) / (leaders - 1), rule.step) !== shown) return { shown: false, leaders };
  }
  return { shown: true, value: shown, leaders };
}
