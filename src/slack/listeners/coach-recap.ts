// The session recap: "Send a recap" on the coach's roster opens the modal; the recap goes
// to the leader as a DM; "Make this my action" there opens the leader's check-in with it.
import type { App, BlockButtonAction } from '@slack/bolt';
import { checkRecap, prepareRecap } from '../../services/coach-recap.js';
import { notePosted } from '../../services/posted-messages.js';
import { RECAP_BLOCKS, recapMessage, recapModal } from '../blocks/recap.js';
import { openCheckIn } from '../checkin/open-checkin.js';
import { coachRecapMetaSchema, parseEngagementValue, parseRecapAction } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { CALLBACKS, COACH_ACTIONS } from '../ids.js';
import { tellUser, whoActed } from './engagement-interaction.js';
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';

const CLOSED = 'This engagement is not running, so no recap was sent.';
const NOT_SENT = 'Grow could not reach them in Slack just now, so the recap was not sent. Please try again in a moment.';

export function registerCoachRecap(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(COACH_ACTIONS.recapOpen, async ({ ack, body, client }) => {
    await ack();
    const { log, ...who } = whoActed(deps, body, { action: COACH_ACTIONS.recapOpen });
    const value = parseEngagementValue(body.actions[0]?.value);
    if (!value) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      const check = await checkRecap(deps, { teamId: who.teamId, userId: who.userId, engagementId: value.engagementId });
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      if (check.outcome === 'closed') return tellUser(client, body, CLOSED, log);
      await client.views.open({ trigger_id: body.trigger_id, view: recapModal({ engagementId: value.engagementId, leaderId: check.leaderId }) });
    } catch (error) {
      log.warn({ err: error }, 'recap modal not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(CALLBACKS.coachRecap, async ({ ack, body, view, client }) => {
    const { log, ...who } = whoActed(deps, body, { view: CALLBACKS.coachRecap });
    const form = readSubmission(view, coachRecapMetaSchema, RECAP_BLOCKS);
    if (!form) return void (await ack(errorOn('recap', UNREADABLE_FORM)));
    const engagementId = form.meta.engagementId;
    try {
      const result = await prepareRecap(deps, { teamId: who.teamId, userId: who.userId, engagementId, values: form.values });
      if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
      if (result.outcome === 'refused') return void (await ack(errorOn('recap', REFUSED)));
      if (result.outcome === 'closed') return void (await ack(errorOn('recap', CLOSED)));
      const dm = recapMessage({ engagementId, coachId: who.userId, text: result.text });
      let posted;
      try {
        posted = await client.chat.postMessage({ channel: result.leaderId, text: dm.text, blocks: dm.blocks, unfurl_links: false });
      } catch (error) {
        // The modal stays open with the coach's words, so nothing is lost.
        log.warn({ err: error }, 'recap not delivered');
        return void (await ack(errorOn('recap', NOT_SENT)));
      }
      // Recorded before the modal closes, so the leader's /grow delete always finds it.
      // A failed record must not make the coach send the recap twice: it is logged instead.
      await notePosted(deps, { teamId: who.teamId, recipientId: result.leaderId, kind: 'dm', channelId: posted.channel ?? result.leaderId, messageTs: posted.ts ?? '' }).catch((error: unknown) =>
        log.warn({ err: error }, 'recap sent but not recorded'),
      );
      await ack();
      log.info({ engagementId }, 'recap sent');
    } catch (error) {
      log.error({ err: error }, 'recap not sent');
      await ack(errorOn('recap', friendlyMessage(error)));
    }
  });

  app.action<BlockButtonAction>(COACH_ACTIONS.recapMakeAction, async ({ ack, body, client }) => {
    await ack();
    const { log, ...who } = whoActed(deps, body, { action: COACH_ACTIONS.recapMakeAction });
    const value = parseRecapAction(body.actions[0]?.value);
    if (!value) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      await openCheckIn(deps, { client, triggerId: body.trigger_id, teamId: who.teamId, userId: who.userId, will: value.will });
    } catch (error) {
      log.warn({ err: error }, 'check-in from recap not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });
}
