// The programme report: per engagement, its process facts (the sponsor view); per fixed
// cohort (the whole workspace, and each programme name an admin set), counts of those
// facts and outcome aggregates released by `releaseFigure`. A programme's figure is also
// held back when the leaders outside it (the workspace's figure minus the programme's)
// are between one and the threshold: subtracting the two would describe those few.
import type { SponsorStatus, SponsorView } from '../privacy/sponsor-view.js';
import { combineOutcomes, OUTCOME_FIGURES, OUTCOME_KEYS, type LeaderOutcomes, type OutcomeKey } from './outcomes.js';
import { releaseFigure, type Figure } from './release.js';

export interface ReportEngagement {
  facts: SponsorView;
  outcomes: LeaderOutcomes;
}

export interface CohortReport {
  kind: 'workspace' | 'programme';
  /** The programme's name; the workspace cohort has none. */
  programme: string | null;
  engagements: number;
  byStatus: Record<SponsorStatus, number>;
  sessionsHeld: number;
  sessionsPlanned: number;
  contracted: number;
  midpointReviews: number;
  closingReviews: number;
  figures: Record<OutcomeKey, Figure>;
}

export interface ProgrammeReport {
  /** Process facts per engagement, newest programme name first, then by leader. */
  rows: SponsorView[];
  cohorts: CohortReport[];
}

type Values = Map<string, number>;

function valuesByLeader(engagements: ReportEngagement[]): Record<OutcomeKey, Values> {
  const byLeader = new Map<string, LeaderOutcomes[]>();
  for (const e of engagements) byLeader.set(e.facts.leaderId, [...(byLeader.get(e.facts.leaderId) ?? []), e.outcomes]);
  const out = Object.fromEntries(OUTCOME_KEYS.map((k) => [k, new Map()])) as Record<OutcomeKey, Values>;
  for (const [leaderId, all] of byLeader) {
    const combined = combineOutcomes(all);
    for (const key of OUTCOME_KEYS) if (combined[key] !== undefined) out[key].set(leaderId, combined[key]!);
  }
  return out;
}

function cohortOf(kind: CohortReport['kind'], programme: string | null, engagements: ReportEngagement[], figures: Record<OutcomeKey, Figure>): CohortReport {
  const byStatus: Record<SponsorStatus, number> = { invited: 0, active: 0, completed: 0, ended_early: 0 };
  for (const e of engagements) byStatus[e.facts.status] += 1;
  const count = (p: (f: SponsorView) => boolean) => engagements.filter((e) => p(e.facts)).length;
  return {
    kind,
    programme,
    engagements: engagements.length,
    byStatus,
    sessionsHeld: engagements.reduce((n, e) => n + e.facts.sessionsHeld, 0),
    sessionsPlanned: engagements.reduce((n, e) => n + e.facts.sessionsPlanned, 0),
    contracted: count((f) => f.contractedOn !== null),
    midpointReviews: count((f) => f.midpointReviewOn !== null),
    closingReviews: count((f) => f.closingReviewOn !== null),
    figures,
  };
}

const release = (values: Values, minLeaders: number, key: OutcomeKey) => releaseFigure([...values.values()], { minLeaders, step: OUTCOME_FIGURES[key].step });

/** `engagements` are one workspace's; the caller has already dropped declined ones (no facts). */
export function buildProgrammeReport(input: { engagements: ReportEngagement[]; minLeaders: number }): ProgrammeReport {
  const { engagements, minLeaders } = input;
  const everyone = valuesByLeader(engagements);
  const workspaceFigures = Object.fromEntries(OUTCOME_KEYS.map((k) => [k, release(everyone[k], minLeaders, k)])) as Record<OutcomeKey, Figure>;
  const cohorts = [cohortOf('workspace', null, engagements, workspaceFigures)];
  const names = [...new Set(engagements.flatMap((e) => (e.facts.programme ? [e.facts.programme] : [])))].sort();
  for (const name of names) {
    const members = engagements.filter((e) => e.facts.programme === name);
    const values = valuesByLeader(members);
    const figures = {} as Record<OutcomeKey, Figure>;
    for (const key of OUTCOME_KEYS) {
      const figure = release(values[key], minLeaders, key);
      const outside = [...everyone[key].keys()].filter((leaderId) => !values[key].has(leaderId)).length;
      figures[key] = figure.shown && outside > 0 && outside < minLeaders ? { shown: false, leaders: figure.leaders } : figure;
    }
    cohorts.push(cohortOf('programme', name, members, figures));
  }
  const rows = engagements
    .map((e) => e.facts)
    .sort((a, b) => (a.programme ?? '').localeCompare(b.programme ?? '') || a.leaderId.localeCompare(b.leaderId) || a.engagementId.localeCompare(b.engagementId));
  return { rows, cohorts };
}
