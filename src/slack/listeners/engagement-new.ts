// "New engagement": the button on the coach's App Home opens the `engagement_new` modal
// (so does `/grow coach`); submitting it validates inline, creates the engagement and
// tells the coach the invitation is on its way.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { DraftField, LeaderFacts } from '../../domain/engagement/draft.js';
import { createEngagement } from '../../services/engagement.js';
import { engagementNewModal, NEW_ENGAGEMENT_BLOCKS, newEngagementErrors } from '../blocks/engagement-new-modal.js';
import { invitationSentNotice } from '../blocks/engagement-notices.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { syncPersonTz } from '../../services/people-sync.js';
import { readInput, viewStateSchema } from '../read-view-state.js';
import { sendDm, teamOf, type RefreshHome } from './engagement-interaction.js';
import { CALLBACKS, ENGAGEMENT_ACTIONS } from '../ids.js';

export async function openNewEngagement(client: WebClient, triggerId: string): Promise<void> {
  await client.views.open({ trigger_id: triggerId, view: engagementNewModal() });
}

/** Slack's word on the person picked: a bot, a deactivated account, their zone. */
async function lookUpLeader(client: WebClient, userId: string): Promise<LeaderFacts> {
  try {
    const info = await client.users.info({ user: userId });
    const user = info.user;
    return { isBot: !!user?.is_bot || userId === 'USLACKBOT', deleted: !!user?.deleted, tz: user?.tz ?? 'UTC' };
  } catch (error) {
    if ((error as { data?: { error?: string } }).data?.error === 'user_not_found') return { isBot: false, deleted: true, tz: 'UTC' };
    throw error;
  }
}

export const registerEngagementNew = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  app.action<BlockButtonAction>(ENGAGEMENT_ACTIONS.newOpen, async ({ ack, body, client }) => {
    await ack();
    try {
      await openNewEngagement(client, body.trigger_id);
    } catch (error) {
      deps.logger.warn({ teamId: teamOf(body), userId: body.user.id, err: error }, 'new-engagement modal not opened');
    }
  });

  app.view(CALLBACKS.engagementNew, async ({ ack, body, view, client }) => {
    const teamId = teamOf(body);
    const coachId = body.user.id;
    const log = deps.logger.child({ teamId, userId: coachId, view: CALLBACKS.engagementNew });
    const state = viewStateSchema.safeParse(view.state.values);
    if (!state.success) {
      await ack({ response_action: 'errors', errors: { leader: 'This form could not be read. Please try again.' } });
      return;
    }
    const values: Partial<Record<DraftField, unknown>> = {};
    for (const [field, blockId] of Object.entries(NEW_ENGAGEMENT_BLOCKS)) values[field as DraftField] = readInput(state.data, blockId);
    let result;
    try {
      result = await createEngagement(deps, { teamId, coachId, values, lookUpLeader: (id) => lookUpLeader(client, id) });
    } catch (error) {
      log.error({ err: error }, 'engagement not created');
      await ack({ response_action: 'errors', errors: { leader: friendlyMessage(error) } });
      return;
    }
    if (result.outcome === 'invalid') {
      await ack({ response_action: 'errors', errors: newEngagementErrors(result.errors) });
      return;
    }
    await ack();
    const { engagement, sessions, leaderTz } = result;
    const coachTz = await syncPersonTz(deps, client, teamId, coachId);
    await sendDm(client, coachId, invitationSentNotice({ ...engagement, firstSessionAt: sessions[0]!.scheduledAt, leaderTz, coachTz }), log, { db: deps.db, teamId });
    await refreshHome(deps, client, teamId, [coachId]);
  });
};
