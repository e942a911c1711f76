// The session recap: "Send a recap" on the coach's roster opens the modal; the recap goes
// to the leader as a DM; "Make this my action" there opens the leader's check-in with it.
import type { App } from '@slack/bolt';
import { checkRecap, prepareRecap, recapActionFor, withdrawRecap } from '../../services/coach-recap.js';
import { notePosted } from '../../services/posted-messages.js';
import { RECAP_BLOCKS, recapMessage, recapModal } from '../blocks/recap.js';
import { openCheckIn } from '../checkin/open-checkin.js';
import { parseRecapAction } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { CALLBACKS, COACH_ACTIONS } from '../ids.js';
import { registerCoachEngagementModal } from './coach-engagement-modal.js';
import { onButton } from './on-button.js';
import { tellUser } from './engagement-interaction.js';

const RECAP_GONE = 'That recap is no longer kept, so there is nothing to turn into your action. Your check-in is one `/grow` away.';
const NOT_SENT = 'Grow could not reach them in Slack just now, so the recap was not sent. Please try again in a moment.';

export function registerCoachRecap(app: App, deps: SlackDeps): void {
  registerCoachEngagementModal(app, deps, {
    action: COACH_ACTIONS.recapOpen,
    callback: CALLBACKS.coachRecap,
    blocks: RECAP_BLOCKS,
    closed: 'This engagement is not running, so no recap was sent.',
    logged: 'recap',
    check: checkRecap,
    modal: recapModal,
    save: prepareRecap,
    afterSave: async (client, who, result, log) => {
      const dm = recapMessage({ recapId: result.recapId, coachId: who.userId, text: result.text });
      let posted;
      try {
        posted = await client.chat.postMessage({ channel: result.leaderId, text: dm.text, blocks: dm.blocks, unfurl_links: false });
      } catch (error) {
        // The modal stays open with the coach's words, so nothing is lost.
        log.warn({ err: error }, 'recap not delivered');
        await withdrawRecap(deps, { teamId: who.teamId, recapId: result.recapId }).catch((err: unknown) => log.warn({ err }, 'undelivered recap not withdrawn'));
        return NOT_SENT;
      }
      // Recorded before the modal closes, so the leader's /grow delete always finds it.
      // A failed record must not make the coach send the recap twice: it is logged instead.
      await notePosted(deps, { teamId: who.teamId, recipientId: result.leaderId, kind: 'dm', channelId: posted.channel ?? result.leaderId, messageTs: posted.ts ?? '' }).catch((error: unknown) =>
        log.warn({ err: error }, 'recap sent but not recorded'),
      );
      log.info({ engagementId: who.engagementId, recapId: result.recapId }, 'recap sent');
    },
  });

  onButton(app, deps, COACH_ACTIONS.recapMakeAction, {
    value: parseRecapAction,
    failed: 'check-in from recap not opened',
    handle: async ({ body, client, teamId, userId, value, log }) => {
      // Only the leader the recap was sent to gets its words; anyone else, or a recap since erased, is told it is gone.
      const will = 'will' in value ? value.will : await recapActionFor(deps, { teamId, userId, recapId: value.recapId });
      if (will === null) return tellUser(client, body, RECAP_GONE, log);
      await openCheckIn(deps, { client, triggerId: body.trigger_id, teamId, userId, will });
    },
  });
}
