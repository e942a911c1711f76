// The programme report: process facts per engagement, aggregates per fixed cohort,
// released only when they identify no one.
export { programmeReportCsv } from './csv.js';
export { combineOutcomes, OUTCOME_FIGURES, OUTCOME_KEYS, outcomesOf, type LeaderOutcomes, type OutcomeKey } from './outcomes.js';
export { buildProgrammeReport, type CohortReport, type ProgrammeReport, type ReportEngagement } from './programme-report.js';
export { MIN_LEADERS_FLOOR, releaseFigure, roundToStep, SUPPRESSED_TEXT, type Figure, type ReleaseRule } from './release.js';
