// The programme report as CSV (what `/grow report` uploads): one section of process facts
// per engagement, then one of aggregates per cohort. Cells are quoted when they need it,
// and a cell starting with = + - @ is prefixed so a spreadsheet never runs it as a formula.
import { SPONSOR_STATUS_LABELS } from '../privacy/sponsor-view.js';
import { OUTCOME_FIGURES, OUTCOME_KEYS } from './outcomes.js';
import type { ProgrammeReport } from './programme-report.js';
import { SUPPRESSED_TEXT } from './release.js';

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (string | number | null)[]) => cells.map(cell).join(',');
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** `names` turns Slack user ids into display names where known (the id otherwise). */
export function programmeReportCsv(report: ProgrammeReport, names: (userId: string) => string = (id) => id): string {
  const out = [
    line(['engagement', 'programme', 'leader', 'coach', 'sponsor', 'status', 'sessions held', 'sessions planned', 'contracting', 'midpoint review', 'closing review', 'pulse rounds']),
    ...report.rows.map((r) =>
      line([
        r.engagementId,
        r.programme,
        names(r.leaderId),
        names(r.coachId),
        r.sponsorId ? names(r.sponsorId) : null,
        SPONSOR_STATUS_LABELS[r.status],
        r.sessionsHeld,
        r.sessionsPlanned,
        day(r.contractedOn),
        day(r.midpointReviewOn),
        day(r.closingReviewOn),
        r.pulseRoundsOn.map((d) => day(d)).join(' '),
      ]),
    ),
    '',
    line(['cohort', 'engagements', 'invited', 'under way', 'completed', 'ended early', 'sessions held', 'sessions planned', 'contracted', 'midpoint reviews', 'closing reviews', ...OUTCOME_KEYS.map((k) => OUTCOME_FIGURES[k].label)]),
    ...report.cohorts.map((c) =>
      line([
        c.programme ?? 'whole workspace',
        c.engagements,
        c.byStatus.invited,
        c.byStatus.active,
        c.byStatus.completed,
        c.byStatus.ended_early,
        c.sessionsHeld,
        c.sessionsPlanned,
        c.contracted,
        c.midpointReviews,
        c.closingReviews,
        ...OUTCOME_KEYS.map((k) => {
          const f = c.figures[k];
          return f.shown ? OUTCOME_FIGURES[k].format(f.value) : SUPPRESSED_TEXT;
        }),
      ]),
    ),
  ];
  return `${out.join('\n')}\n`;
}
