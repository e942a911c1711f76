// `/grow report`: the programme report as a CSV file in the admin's DM — process facts per
// engagement, aggregates per cohort, under the same release rules as App Home.
import { loadProgrammeReport } from '../../services/programme.js';
import { programmeReportCsv } from '../../domain/report/index.js';
import { isSlackAdmin } from '../workspace-admin.js';
import { sendFileInDm } from './dm-file.js';
import type { Subcommand } from './subcommand.js';

export const NOT_AN_ADMIN = 'The programme report is for programme admins: Slack’s workspace admins and owners, and the people they add under App Home → Programme.';

export const reportSubcommand: Subcommand = {
  name: 'report',
  usage: '/grow report',
  description: 'programme admins: the programme report as a CSV file in your DM',
  async run({ command, client, deps, ack }) {
    const teamId = command.team_id;
    const userId = command.user_id;
    const log = deps.logger.child({ teamId, userId, subcommand: 'report' });
    // Slack's users.info and the whole programme's figures take longer than an ack may wait.
    await ack();
    const slackAdmin = await isSlackAdmin(client, userId, log);
    const result = await loadProgrammeReport(deps, { teamId, userId, slackAdmin, minLeaders: deps.config.reportMinLeaders });
    if (result.outcome === 'refused') return ack({ text: NOT_AN_ADMIN });
    await ack({ text: 'Preparing the programme report — it will arrive in a direct message from Grow.' });
    const day = deps.now().toISOString().slice(0, 10);
    // Recorded like an export, so erasing the admin's data removes the file from Slack too.
    const fileIds = await sendFileInDm(deps, client, { teamId, userId }, {
      filename: `grow-programme-report-${day}.csv`,
      title: `Grow programme report ${day}`,
      content: programmeReportCsv(result.report),
      initial_comment: `The programme report: process facts per engagement, and figures per cohort shown only when at least ${deps.config.reportMinLeaders} leaders contribute and no one leader could be picked out.`,
    });
    log.info({ fileIds, engagements: result.report.rows.length }, 'programme report sent');
  },
};
