// The check-in modal's visibility choice: when the leader picks another option, the line
// under it is rewritten to say what their coach will see with that choice.
import type { App, BlockAction, RadioButtonsAction } from '@slack/bolt';
import { z } from 'zod';
import { withVisibilityLine, type ModalParts } from '../blocks/checkin-modal.js';
import type { SlackDeps } from '../deps.js';
import { CALLBACKS, CHECKIN_ACTIONS } from '../ids.js';

const visibilitySchema = z.enum(['private', 'summary', 'shared']);

export function registerCheckInVisibility(app: App, deps: SlackDeps): void {
  app.action<BlockAction<RadioButtonsAction>>({ action_id: CHECKIN_ACTIONS.visibility, block_id: CHECKIN_ACTIONS.visibility }, async ({ ack, body, action, client, context }) => {
    await ack();
    const view = body.view;
    const visibility = visibilitySchema.safeParse(action.selected_option?.value);
    if (!view || view.callback_id !== CALLBACKS.checkIn || !visibility.success) return;
    // With two coaches the modal names "the coach you pick above", as it did when built.
    const who = view.blocks.some((b) => b.block_id === 'engagement') ? 'the coach you pick above' : 'your coach';
    try {
      await client.views.update({ view_id: view.id, hash: view.hash, view: withVisibilityLine(view as unknown as ModalParts, visibility.data, who) });
    } catch (error) {
      // A stale hash means the modal moved on (submitted, or the revisit step); nothing to fix.
      deps.logger.debug({ teamId: context.teamId, err: error }, 'visibility line not updated');
    }
  });
}
