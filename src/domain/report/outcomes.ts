// One leader's outcome values for the programme report, read only from what the leader
// lets their coach see (a coach view): private check-ins and actions never count. Each
// value is the leader's own; the report shows them only as released aggregates.
import type { CoachView } from '../privacy/types.js';

export type OutcomeKey = 'actionsDone' | 'commitmentTrend' | 'changeAtMidpoint' | 'changeAtClose';

export type LeaderOutcomes = Partial<Record<OutcomeKey, number>>;

export const OUTCOME_FIGURES: Record<OutcomeKey, { label: string; step: number; format: (v: number) => string }> = {
  actionsDone: { label: 'Share of actions done (of those answered)', step: 0.1, format: (v) => `${Math.round(v * 100)}%` },
  commitmentTrend: { label: 'Commitment trend (latest minus first, 1–10 scale)', step: 0.5, format: signed },
  changeAtMidpoint: { label: 'Average change on targets, baseline to midpoint', step: 0.5, format: signed },
  changeAtClose: { label: 'Average change on targets, baseline to close', step: 0.5, format: signed },
};

export const OUTCOME_KEYS = Object.keys(OUTCOME_FIGURES) as OutcomeKey[];

function signed(v: number): string {
  return `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}`;
}

const mean = (values: number[]) => (values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length);

export function outcomesOf(view: CoachView): LeaderOutcomes {
  const answered = view.actions.filter((a) => a.status !== 'open');
  const out: LeaderOutcomes = {};
  if (answered.length > 0) out.actionsDone = answered.filter((a) => a.status === 'done').length / answered.length;
  if (view.checkIns.length >= 2) out.commitmentTrend = view.checkIns[view.checkIns.length - 1]!.commitment - view.checkIns[0]!.commitment;
  const atMidpoint = mean(view.targets.flatMap((t) => (t.midpointRating === null ? [] : [t.midpointRating - t.baseline])));
  if (atMidpoint !== undefined) out.changeAtMidpoint = atMidpoint;
  const atClose = mean(view.targets.flatMap((t) => (t.closingRating === null ? [] : [t.closingRating - t.baseline])));
  if (atClose !== undefined) out.changeAtClose = atClose;
  return out;
}

/** A leader with two engagements in a cohort counts once: their values are averaged. */
export function combineOutcomes(all: LeaderOutcomes[]): LeaderOutcomes {
  const out: LeaderOutcomes = {};
  for (const key of OUTCOME_KEYS) {
    const value = mean(all.flatMap((o) => (o[key] === undefined ? [] : [o[key]!])));
    if (value !== undefined) out[key] = value;
  }
  return out;
}
