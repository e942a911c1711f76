// "Edit" on a check-in confirmation: the check-in modal again, prefilled, for the first
// 24 hours after saving; after that (or for someone else's) the click says why not.
import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { EDIT_EXPIRED_TEXT, loadCheckInForEdit } from '../../services/check-in-edit.js';
import { checkInModal } from '../blocks/checkin-modal.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { CHECKIN_ACTIONS } from '../ids.js';
import { tellUser, whoActed } from './engagement-interaction.js';

export const CHECKIN_GONE_TEXT = 'Grow could not find this check-in any more, so there is nothing to edit.';

export function registerCheckInEdit(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(CHECKIN_ACTIONS.edit, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: CHECKIN_ACTIONS.edit });
    const checkInId = z.string().uuid().safeParse(body.actions[0]?.value).data;
    try {
      const found = checkInId ? await loadCheckInForEdit(deps, { teamId, leaderId: userId, checkInId }) : ({ outcome: 'gone' } as const);
      if (found.outcome === 'expired') return tellUser(client, body, EDIT_EXPIRED_TEXT, log);
      if (found.outcome === 'gone') return tellUser(client, body, CHECKIN_GONE_TEXT, log);
      await client.views.open({ trigger_id: body.trigger_id, view: checkInModal({ step: 'checkin', editOf: checkInId, draft: found.draft }) });
    } catch (error) {
      log.info({ err: error }, 'check-in edit not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });
}
