// The shape every button listener shares: acknowledge at once, name who clicked in the log,
// read the button's value (unreadable: the message is out of date), run the handler, and
// answer a failure to the clicker alone, in words; the detail goes to the log.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { SlackDeps } from '../deps.js';
import { parseEngagementValue } from '../engagement-button-value.js';
import { friendlyMessage } from '../friendly-errors.js';
import { OUT_OF_DATE, teamOf, tellUser, whoActed } from './engagement-interaction.js';

export interface ButtonClick<V> {
  body: BlockButtonAction;
  client: WebClient;
  teamId: string;
  userId: string;
  /** What the button carries, read by `value`. */
  value: V;
  log: Logger;
}

export interface ButtonListener<V> {
  /** Reads the button's value: null or undefined when it cannot be read. Left out for a button that carries nothing. */
  value?: (raw: string | undefined) => V | null | undefined;
  handle: (click: ButtonClick<V>) => Promise<void>;
  /** The log line for a failed handler, e.g. "settings not opened". */
  failed: string;
  /** How loud that line is: `warn` unless said. */
  level?: 'info' | 'warn' | 'error';
  /** The log names the team and the action but not the clicker (a stakeholder's click is about an answer). */
  anonymous?: boolean;
}

export function onButton<V = undefined>(app: App, deps: SlackDeps, actionId: string, listener: ButtonListener<V>): void {
  app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = listener.anonymous
      ? { teamId: teamOf(body), userId: body.user.id, log: deps.logger.child({ teamId: teamOf(body), action: actionId }) }
      : whoActed(deps, body, { action: actionId });
    const value = listener.value?.(body.actions[0]?.value);
    if (listener.value && value == null) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      await listener.handle({ body, client, teamId, userId, value: value as V, log });
    } catch (error) {
      log[listener.level ?? 'warn']({ err: error }, listener.failed);
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });
}

/**
 * A button carrying an engagement that opens a modal: `viewFor` reads what the modal needs
 * (null when the message is out of date).
 */
export function opensEngagementModal(
  app: App,
  deps: SlackDeps,
  actionId: string,
  viewFor: (who: { teamId: string; userId: string; engagementId: string }) => Promise<View | null>,
): void {
  onButton(app, deps, actionId, {
    value: parseEngagementValue,
    failed: 'modal not opened',
    level: 'info',
    handle: async ({ body, client, teamId, userId, value, log }) => {
      const view = await viewFor({ teamId, userId, engagementId: value.engagementId });
      if (!view) return tellUser(client, body, OUT_OF_DATE, log);
      await client.views.open({ trigger_id: body.trigger_id, view });
    },
  });
}
