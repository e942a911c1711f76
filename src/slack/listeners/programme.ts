// App Home → Programme and the sponsor's section: programme admins manage who is an
// admin and who may coach, and put engagements in programmes; sponsors see their
// engagements' process facts. Slack's word on who is a workspace admin is read fresh.
import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { loadEngagement } from '../../services/engagement.js';
import { isProgrammeAdmin, loadProgrammeReport, loadProgrammeRoles, loadSponsoredEngagements, saveProgrammeRoles, setProgramme } from '../../services/programme.js';
import { programmeHomeBlocks, programmeNameModal, programmeRolesModal, PROGRAMME_BLOCKS, sponsorHomeBlocks } from '../blocks/programme.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { PROGRAMME_ACTIONS, PROGRAMME_CALLBACKS } from '../ids.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { viewStateSchema } from '../read-view-state.js';
import { engagementRefSchema, parseEngagementRef } from '../sponsor-button-value.js';
import { isSlackAdmin } from '../workspace-admin.js';
import type { HomeSection } from './app-home.js';
import { tellUser, whoActed, type RefreshHome } from './engagement-interaction.js';
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
  app.action<BlockButtonAction>(PROGRAMME_ACTIONS.rolesOpen, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: PROGRAMME_ACTIONS.rolesOpen });
    try {
      const slackAdmin = await isSlackAdmin(client, userId, log);
      if (!(await isProgrammeAdmin(deps, { teamId, userId, slackAdmin }))) return tellUser(client, body, REFUSED, log);
      await client.views.open({ trigger_id: body.trigger_id, view: programmeRolesModal(await loadProgrammeRoles(deps, teamId)) });
    } catch (error) {
      log.warn({ err: error }, 'programme roles not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(PROGRAMME_CALLBACKS.roles, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: PROGRAMME_CALLBACKS.roles });
    const state = viewStateSchema.safeParse(view.state.values);
    const pick = (blockId: string) => selectedUsers.safeParse((state.success ? Object.values(state.data[blockId] ?? {})[0] : undefined) ?? { selected_users: [] });
    const admins = pick(PROGRAMME_BLOCKS.admins);
    const coaches = pick(PROGRAMME_BLOCKS.coaches);
    if (!state.success || !admins.success || !coaches.success) return void (await ack(errorOn(PROGRAMME_BLOCKS.admins, UNREADABLE_FORM)));
    let result;
    try {
      const slackAdmin = await isSlackAdmin(client, userId, log);
      result = await saveProgrammeRoles(deps, { teamId, userId, slackAdmin, admins: admins.data.selected_users, coaches: coaches.data.selected_users });
    } catch (error) {
      log.error({ err: error }, 'programme roles not saved');
      return void (await ack(errorOn(PROGRAMME_BLOCKS.admins, friendlyMessage(error))));
    }
    if (result.outcome === 'refused') return void (await ack(errorOn(PROGRAMME_BLOCKS.admins, REFUSED)));
    if (result.outcome === 'invalid') return void (await ack(errorOn(PROGRAMME_BLOCKS[result.field], result.error)));
    await ack();
    await refreshHome(deps, client, teamId, [userId]);
  });

  app.action<BlockButtonAction>(PROGRAMME_ACTIONS.cohortOpen, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: PROGRAMME_ACTIONS.cohortOpen });
    const value = parseEngagementRef(body.actions[0]?.value);
    if (!value) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      const slackAdmin = await isSlackAdmin(client, userId, log);
      if (!(await isProgrammeAdmin(deps, { teamId, userId, slackAdmin }))) return tellUser(client, body, REFUSED, log);
      const engagement = await loadEngagement(deps, teamId, value.engagementId);
      if (!engagement) return tellUser(client, body, OUT_OF_DATE, log);
      await client.views.open({ trigger_id: body.trigger_id, view: programmeNameModal({ engagementId: engagement.id, leaderId: engagement.leaderId, current: engagement.programme }) });
    } catch (error) {
      log.warn({ err: error }, 'programme name not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(PROGRAMME_CALLBACKS.cohort, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: PROGRAMME_CALLBACKS.cohort });
    const form = readSubmission(view, engagementRefSchema, [PROGRAMME_BLOCKS.name]);
    if (!form) return void (await ack(errorOn(PROGRAMME_BLOCKS.name, UNREADABLE_FORM)));
    let result;
    try {
      const slackAdmin = await isSlackAdmin(client, userId, log);
      result = await setProgramme(deps, { teamId, userId, slackAdmin, engagementId: form.meta.engagementId, name: form.values[PROGRAMME_BLOCKS.name] });
    } catch (error) {
      log.error({ err: error }, 'programme name not saved');
      return void (await ack(errorOn(PROGRAMME_BLOCKS.name, friendlyMessage(error))));
    }
    if (result.outcome === 'refused') return void (await ack(errorOn(PROGRAMME_BLOCKS.name, REFUSED)));
    if (result.outcome === 'invalid') return void (await ack(errorOn(PROGRAMME_BLOCKS.name, result.error)));
    await ack();
    await refreshHome(deps, client, teamId, [userId]);
  });
};
