// Every pulse button carries a round: read it (unreadable: out of date) and hand the
// handler its id; a failure is answered privately with a friendly line. Its own log fields
// name no person: a stakeholder's click is about an answer.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { SlackDeps } from '../deps.js';
import { parsePulseRound } from '../pulse-button-value.js';
import { onButton } from './on-button.js';

export interface RoundClick {
  body: BlockButtonAction;
  client: WebClient;
  teamId: string;
  userId: string;
  roundId: string;
  log: Logger;
}

export function onRoundButton(app: App, deps: SlackDeps, actionId: string, handle: (click: RoundClick) => Promise<void>): void {
  onButton(app, deps, actionId, {
    value: parsePulseRound,
    failed: 'pulse button not handled',
    anonymous: true,
    handle: ({ value, ...click }) => handle({ ...click, roundId: value.roundId }),
  });
}
