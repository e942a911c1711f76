// App Home → Programme for programme admins (roles, the report by cohort, each
// engagement's process facts with its programme name), the sponsor's section (their
// engagements' process facts), and the two modals an admin uses. Only sponsor-view facts
// and released figures reach these builders; their types hold nothing else.
import type { View } from '@slack/types';
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import { SPONSOR_STATUS_LABELS, type SponsorView } from '../../domain/privacy/index.js';
import { OUTCOME_FIGURES, OUTCOME_KEYS, SUPPRESSED_TEXT, type CohortReport, type ProgrammeReport } from '../../domain/report/index.js';
import { escapeMrkdwn } from '../mrkdwn.js';
import { encodeJson } from '../metadata.js';
import { engagementRefSchema, encodeEngagementRef } from '../sponsor-button-value.js';
import { PROGRAMME_ACTIONS, PROGRAMME_CALLBACKS } from '../ids.js';
import { actionsBlock, context, divider, inputBlock, plain, section, textInput, type Block } from './kit.js';

// Rows on the Home tab; `/grow report` has them all.
const ROWS_MAX = 8;
const SPONSORED_MAX = 8;

export const PROGRAMME_BLOCKS = { admins: 'programme_admins', coaches: 'programme_coaches', name: 'programme_name' } as const;

/** "completed · 6 of 8 sessions held · contracting 3 Mar · midpoint review 20 Apr · pulse 1 May" */
export function processLine(v: SponsorView, tz: string): string {
  const day = (d: Date) => formatLocalDate(d, tz);
  const parts = [SPONSOR_STATUS_LABELS[v.status], `${v.sessionsHeld} of ${v.sessionsPlanned} sessions held`];
  parts.push(v.contractedOn ? `contracting ${day(v.contractedOn)}` : 'contracting not yet');
  if (v.midpointReviewOn) parts.push(`midpoint review ${day(v.midpointReviewOn)}`);
  if (v.closingReviewOn) parts.push(`closing review ${day(v.closingReviewOn)}`);
  if (v.pulseRoundsOn.length > 0) parts.push(`stakeholder pulse ${v.pulseRoundsOn.map(day).join(', ')}`);
  return parts.join(' · ');
}

const cohortName = (c: CohortReport) => (c.programme ? `Programme “${escapeMrkdwn(c.programme)}”` : 'Whole workspace');

export function cohortLines(c: CohortReport): string {
  const s = c.byStatus;
  const lines = [
    `*${cohortName(c)}* — ${c.engagements} engagement${c.engagements === 1 ? '' : 's'}: ${s.invited} invited, ${s.active} under way, ${s.completed} completed, ${s.ended_early} ended early`,
    `${c.sessionsHeld} of ${c.sessionsPlanned} sessions held · contracting done in ${c.contracted} · midpoint reviews ${c.midpointReviews} · closing reviews ${c.closingReviews}`,
  ];
  for (const key of OUTCOME_KEYS) {
    const f = c.figures[key];
    lines.push(`${OUTCOME_FIGURES[key].label}: ${f.shown ? OUTCOME_FIGURES[key].format(f.value) : `_${SUPPRESSED_TEXT}_`}`);
  }
  return lines.join('\n');
}

export function programmeHomeBlocks(input: { report: ProgrammeReport; roles: { admins: string[]; coaches: string[] }; minLeaders: number; tz: string }): Block[] {
  const { report, roles, tz } = input;
  const coaches = roles.coaches.length === 0 ? 'anyone may coach' : `coaches: ${roles.coaches.slice(0, 20).map((u) => `<@${u}>`).join(', ')}${roles.coaches.length > 20 ? '…' : ''}`;
  const blocks: Block[] = [
    divider(),
    section('*Programme*'),
    section(`Programme admins: Slack’s workspace admins and owners${roles.admins.length > 0 ? `, and ${roles.admins.slice(0, 20).map((u) => `<@${u}>`).join(', ')}` : ''}. ${coaches[0]!.toUpperCase()}${coaches.slice(1)}.`),
    actionsBlock('programme_actions', [{ text: 'Admins and coaches', actionId: PROGRAMME_ACTIONS.rolesOpen }]),
  ];
  for (const cohort of report.cohorts.slice(0, 6)) blocks.push(section(cohortLines(cohort)));
  blocks.push(
    context(
      `Outcome figures come only from what leaders let their coaches see, and are shown only when at least ${input.minLeaders} leaders contribute and no single leader’s part could be worked out by comparing reports. \`/grow report\` sends all of it as a CSV file.`,
    ),
  );
  for (const row of report.rows.slice(0, ROWS_MAX)) {
    const programme = row.programme ? ` · programme “${escapeMrkdwn(row.programme)}”` : '';
    const sponsor = row.sponsorId ? ` · sponsor <@${row.sponsorId}>` : '';
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `<@${row.leaderId}> with <@${row.coachId}>${sponsor}${programme}\n${processLine(row, tz)}` },
      accessory: { type: 'button', text: plain('Programme…'), action_id: PROGRAMME_ACTIONS.cohortOpen, value: encodeEngagementRef(row.engagementId) },
    } as Block);
  }
  if (report.rows.length > ROWS_MAX) blocks.push(context(`…and ${report.rows.length - ROWS_MAX} more engagements in \`/grow report\`.`));
  return blocks;
}

export function sponsorHomeBlocks(views: SponsorView[], tz: string): Block[] {
  if (views.length === 0) return [];
  const blocks: Block[] = [divider(), section('*Engagements you sponsor*')];
  for (const v of views.slice(0, SPONSORED_MAX)) blocks.push(section(`<@${v.leaderId}> with <@${v.coachId}>\n${processLine(v, tz)}`));
  if (views.length > SPONSORED_MAX) blocks.push(context(`…and ${views.length - SPONSORED_MAX} more.`));
  blocks.push(context('As sponsor you see where each engagement stands, never what the leader writes, their scores or their answers.'));
  return blocks;
}

export function programmeRolesModal(roles: { admins: string[]; coaches: string[] }): View {
  const picker = (blockId: string, label: string, initial: string[], hint: string) =>
    inputBlock(blockId, label, { type: 'multi_users_select', action_id: blockId, ...(initial.length > 0 ? { initial_users: initial.slice(0, 100) } : {}), placeholder: plain('Choose people') }, { optional: true, hint });
  return {
    type: 'modal',
    callback_id: PROGRAMME_CALLBACKS.roles,
    title: plain('Admins and coaches'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      picker(PROGRAMME_BLOCKS.admins, 'Programme admins (besides Slack’s workspace admins)', roles.admins, 'They manage this list and see the programme report.'),
      picker(PROGRAMME_BLOCKS.coaches, 'Who may coach', roles.coaches, 'Leave empty and anyone may start an engagement.'),
    ],
  };
}

export function programmeNameModal(input: { engagementId: string; leaderId: string; current: string | null }): View {
  return {
    type: 'modal',
    callback_id: PROGRAMME_CALLBACKS.cohort,
    private_metadata: encodeJson(engagementRefSchema, { engagementId: input.engagementId }),
    title: plain('Programme'),
    submit: plain('Save'),
    close: plain('Cancel'),
    blocks: [
      section(`Which programme is <@${input.leaderId}>’s engagement part of? The report gives each programme its own figures.`),
      textInput(PROGRAMME_BLOCKS.name, 'Programme name', 60, { optional: true, initial: input.current ?? undefined, hint: 'Leave empty for none.' }),
    ],
  };
}
