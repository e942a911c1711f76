// `/grow report`: the programme report as a CSV file in the admin's DM — process facts per
// engagement, aggregates per cohort, under the same release rules as App Home.
import { loadProgrammeReport } from '../../services/programme.js';
import { notePosted } from '../../services/posted-messages.js';
import { programmeReportCsv } from '../../domain/report/index.js';
import { isSlackAdmin } from '../workspace-admin.js';
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
    const slackAdmin = await isSlackAdmin(client, userId, log);
    const result = await loadProgrammeReport(deps, { teamId, userId, slackAdmin, minLeaders: deps.config.reportMinLeaders });
    if (result.outcome === 'refused') return ack({ text: NOT_AN_ADMIN });
    await ack({ text: 'Preparing the programme report — it will arrive in a direct message from Grow.' });
    const dm = await client.conversations.open({ users: userId });
    const day = deps.now().toISOString().slice(0, 10);
    const uploaded = await client.filesUploadV2({
      channel_id: dm.channel!.id!,
      filename: `grow-programme-report-${day}.csv`,
      title: `Grow programme report ${day}`,
      content: programmeReportCsv(result.report),
      initial_comment: `The programme report: process facts per engagement, and figures per cohort shown only when at least ${deps.config.reportMinLeaders} leaders contribute and no one leader could be picked out.`,
    });
    // Recorded like an export, so erasing the admin's data removes the file from Slack too.
    const fileIds = (uploaded.files ?? []).flatMap((f) => (f.files ?? []).map((file) => file.id)).filter((id): id is string => typeof id === 'string');
    await notePosted(deps, fileIds.map((fileId) => ({ teamId, recipientId: userId, kind: 'export_file' as const, fileId })));
    log.info({ fileIds, engagements: result.report.rows.length }, 'programme report sent');
  },
};
