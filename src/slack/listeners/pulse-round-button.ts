// The shape every pulse button shares: acknowledge, read the round from the button's
// value (unreadable: out of date), run the handler, and answer a failure privately with
// a friendly line. Its own log fields name no person: a stakeholder's click is about an answer.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { parsePulseRound } from '../pulse-button-value.js';
import { teamOf, tellUser } from './engagement-interaction.js';
import { OUT_OF_DATE } from './follow-up-answer.js';

export interface RoundClick {
  body: BlockButtonAction;
  client: WebClient;
  teamId: string;
  userId: string;
  roundId: string;
  log: Logger;
}

export function onRoundButton(app: App, deps: SlackDeps, actionId: string, handle: (click: RoundClick) => Promise<void>): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
    await ack();
    const teamId = teamOf(body);
    const log = deps.logger.child({ teamId, action: actionId });
    const value = parsePulseRound(body.actions[0]?.value);
    if (!value) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      await handle({ body, client, teamId, userId: body.user.id, roundId: value.roundId, log });
    } catch (error) {
      log.warn({ err: error }, 'pulse button not handled');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });
}
