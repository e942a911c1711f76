// App Home → Programme and the sponsor's section: programme admins manage who is an
// admin and who may coach, and put engagements in programmes; sponsors see their
// engagements' process facts. Slack's word on who is a workspace admin is read fresh.
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { loadEngagement } from '../../services/engagement.js';
import { isProgrammeAdmin, loadProgrammeReport, loadProgrammeRoles, loadSponsoredEngagements, saveProgrammeRoles, setProgramme } from '../../services/programme.js';
import { programmeHomeBlocks, programmeNameModal, programmeRolesModal, PROGRAMME_BLOCKS, sponsorHomeBlocks } from '../blocks/programme.js';
import type { SlackDeps } from '../deps.js';
import { PROGRAMME_ACTIONS, PROGRAMME_CALLBACKS } from '../ids.js';
import { readSubmission, type SubmittedView } from '../modal-submission.js';
import { viewStateSchema } from '../read-view-state.js';
import { engagementRefSchema, parseEngagementRef } from '../sponsor-button-value.js';
import { isSlackAdmin } from '../workspace-admin.js';
import type { HomeSection } from './app-home.js';
import { tellUser, type RefreshHome } from './engagement-interaction.js';
import { onButton } from './on-button.js';
import { onModalSubmit, type Submission } from './on-modal-submit.js';
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';

export const programmeHomeSection: HomeSection = async (deps, teamId, userId, tz, _request, client) => {
  const slackAdmin = await isSlackAdmin(client, userId, deps.logger);
  const result = await loadProgrammeReport(deps, { teamId, userId, slackAdmin, minLeaders: deps.config.reportMinLeaders });
  if (result.outcome === 'refused') return [];
  const roles = await loadProgrammeRoles(deps, teamId);
  return programmeHomeBlocks({ report: result.report, roles, minLeaders: deps.config.reportMinLeaders, tz });
};

export const sponsorHomeSection: HomeSection = async (deps, teamId, userId, tz) => sponsorHomeBlocks(await loadSponsoredEngagements(deps, teamId, userId), tz);

const selectedUsers = z.object({ selected_users: z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/)).max(100) }).passthrough();

export const registerProgramme = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  const redrawOwnHome = ({ client, teamId, userId }: Submission<unknown>) => refreshHome(deps, client, teamId, [userId]);

  onButton(app, deps, PROGRAMME_ACTIONS.rolesOpen, {
    failed: 'programme roles not opened',
    handle: async ({ body, client, teamId, userId, log }) => {
      const slackAdmin = await isSlackAdmin(client, userId, log);
      if (!(await isProgrammeAdmin(deps, { teamId, userId, slackAdmin }))) return tellUser(client, body, REFUSED, log);
      await client.views.open({ trigger_id: body.trigger_id, view: programmeRolesModal(await loadProgrammeRoles(deps, teamId)) });
    },
  });

  onModalSubmit(app, deps, PROGRAMME_CALLBACKS.roles, {
    field: PROGRAMME_BLOCKS.admins,
    read: readRoles,
    save: async ({ client, teamId, userId, form, log }) => {
      const slackAdmin = await isSlackAdmin(client, userId, log);
      const result = await saveProgrammeRoles(deps, { teamId, userId, slackAdmin, ...form });
      // The service names the list at fault; the form shows it on that list's block.
      return result.outcome === 'invalid' ? { outcome: 'invalid', errors: { [PROGRAMME_BLOCKS[result.field]]: result.error } } : result;
    },
    failed: 'programme roles not saved',
    saved: redrawOwnHome,
  });

  onButton(app, deps, PROGRAMME_ACTIONS.cohortOpen, {
    value: parseEngagementRef,
    failed: 'programme name not opened',
    handle: async ({ body, client, teamId, userId, value, log }) => {
      const slackAdmin = await isSlackAdmin(client, userId, log);
      if (!(await isProgrammeAdmin(deps, { teamId, userId, slackAdmin }))) return tellUser(client, body, REFUSED, log);
      const engagement = await loadEngagement(deps, teamId, value.engagementId);
      if (!engagement) return tellUser(client, body, OUT_OF_DATE, log);
      await client.views.open({ trigger_id: body.trigger_id, view: programmeNameModal({ engagementId: engagement.id, leaderId: engagement.leaderId, current: engagement.programme }) });
    },
  });

  onModalSubmit(app, deps, PROGRAMME_CALLBACKS.cohort, {
    field: PROGRAMME_BLOCKS.name,
    read: (view) => readSubmission(view, engagementRefSchema, [PROGRAMME_BLOCKS.name]),
    save: async ({ client, teamId, userId, form, log }) => {
      const slackAdmin = await isSlackAdmin(client, userId, log);
      return setProgramme(deps, { teamId, userId, slackAdmin, engagementId: form.meta.engagementId, name: form.values[PROGRAMME_BLOCKS.name] });
    },
    failed: 'programme name not saved',
    saved: redrawOwnHome,
  });
};

/** The two people pickers; null when either cannot be read. */
function readRoles(view: SubmittedView): { admins: string[]; coaches: string[] } | null {
  const state = viewStateSchema.safeParse(view.state.values);
  const pick = (blockId: string) => selectedUsers.safeParse((state.success ? Object.values(state.data[blockId] ?? {})[0] : undefined) ?? { selected_users: [] });
  const admins = pick(PROGRAMME_BLOCKS.admins);
  const coaches = pick(PROGRAMME_BLOCKS.coaches);
  if (!state.success || !admins.success || !coaches.success) return null;
  return { admins: admins.data.selected_users, coaches: coaches.data.selected_users };
}
