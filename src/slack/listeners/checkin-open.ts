// The "Check in now" button, wherever it appears (App Home, check-in prompts).
import type { App, BlockButtonAction } from '@slack/bolt';
import { openCheckIn } from '../checkin/open-checkin.js';
import type { SlackDeps } from '../deps.js';
import { NUDGE_ACTIONS } from '../ids.js';


export function registerCheckInOpen(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(NUDGE_ACTIONS.checkInOpen, async ({ ack, body, client, context }) => {
    await ack();
    const teamId = context.teamId ?? '';
    try {
      await openCheckIn(deps, { client, triggerId: body.trigger_id, teamId, userId: body.user.id });
    } catch (error) {
      deps.logger.warn({ teamId, userId: body.user.id, err: error }, 'check-in modal not opened');
    }
  });
}
