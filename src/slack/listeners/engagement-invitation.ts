// Accept and Decline, on the invitation DM or on App Home. Accepting opens contracting
// at once; declining tells the coach only that. The invitation's buttons give way to the
// outcome; a second click changes nothing and says so privately.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import { acceptInvitation, declineInvitation, findInvitationDm, type EngagementMoveResult, type EngagementRow } from '../../services/engagement.js';
import { loadInvitationState } from '../../services/engagement-invitation.js';
import { contractingQuestions } from '../../services/engagement-contracting.js';
import { contractingModal } from '../blocks/contracting-modal.js';
import { invitationOutcomeMessage } from '../blocks/engagement-invitation.js';
import { acceptedNotice, declinedNotice } from '../blocks/engagement-notices.js';
import { parseEngagementValue } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { syncPersonTz } from '../../services/people-sync.js';
import { messageOf, type MessageRef, type RefreshHome, sendDm, tellUser, updateMessage, updateOwnMessage, whoActed } from './engagement-interaction.js';
import { ENGAGEMENT_ACTIONS } from '../ids.js';

export const ALREADY_ANSWERED = 'That invitation was already answered, so nothing was changed.';

/** Shows the engagement's current state in its invitation DM, and in the message clicked if another. */
export async function showInvitationOutcome(
  deps: SlackDeps,
  client: WebClient,
  engagement: EngagementRow,
  clicked: { userId: string; where: MessageRef | undefined } | undefined,
  log: Logger,
): Promise<void> {
  const state = await loadInvitationState(deps.db, engagement, deps.cipher);
  const message = invitationOutcomeMessage(state);
  const sent = await findInvitationDm(deps, engagement);
  const isSent = sent && sent.messageTs === clicked?.where?.ts && sent.channelId === clicked?.where?.channel;
  if (clicked && !isSent) await updateOwnMessage(deps, client, { teamId: engagement.teamId, userId: clicked.userId }, clicked.where, message, log);
  if (sent) await updateMessage(client, { channel: sent.channelId, ts: sent.messageTs }, message, log);
}

type Verb = typeof acceptInvitation;

export const registerEngagementInvitation = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  const answer = (verb: Verb, kind: 'accept' | 'decline') =>
    app.action<BlockButtonAction>(ENGAGEMENT_ACTIONS[kind], async ({ ack, body, client }) => {
      await ack();
      const { teamId, userId, log } = whoActed(deps, body, { action: kind });
      const value = parseEngagementValue(body.actions[0]?.value);
      if (!value) {
        await tellUser(client, body, ALREADY_ANSWERED, log);
        return;
      }
      let result: EngagementMoveResult;
      try {
        result = await verb(deps, { teamId, userId, engagementId: value.engagementId });
      } catch (error) {
        log.warn({ err: error, engagementId: value.engagementId }, 'invitation answer refused');
        await tellUser(client, body, friendlyMessage(error), log);
        return;
      }
      const { engagement } = result;
      if (result.outcome === 'stale') {
        await tellUser(client, body, ALREADY_ANSWERED, log);
        await showInvitationOutcome(deps, client, engagement, { userId, where: messageOf(body) }, log);
        return;
      }
      if (kind === 'accept') {
        // The trigger lives three seconds: contracting opens before anything else is sent (only its questions are drawn first).
        try {
          const questions = await contractingQuestions(deps, { teamId, userId, engagementId: engagement.id });
          await client.views.open({ trigger_id: body.trigger_id, view: contractingModal({ engagementId: engagement.id, coachId: engagement.coachId, questions }) });
        } catch (error) {
          log.warn({ err: error }, 'contracting modal not opened; it stays available from the invitation and App Home');
        }
      }
      await showInvitationOutcome(deps, client, engagement, { userId, where: messageOf(body) }, log);
      if (kind === 'accept') {
        const coachTz = await syncPersonTz(deps, client, teamId, engagement.coachId);
        const state = await loadInvitationState(deps.db, engagement, deps.cipher);
        await sendDm(client, engagement.coachId, acceptedNotice(engagement.leaderId, state.firstSessionAt, coachTz), log, { db: deps.db, teamId: engagement.teamId });
      } else {
        await sendDm(client, engagement.coachId, declinedNotice(engagement.leaderId), log, { db: deps.db, teamId: engagement.teamId });
      }
      await refreshHome(deps, client, teamId, [engagement.leaderId, engagement.coachId]);
    });
  answer(acceptInvitation, 'accept');
  answer(declineInvitation, 'decline');
};
