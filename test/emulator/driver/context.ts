// What every driver action needs: the workspace, the clock, where the app lives and how to
// reach it: a signed request to its URL, or an envelope over its Socket Mode connection.

import type { BlockKitCheck } from '../block-kit/validate-surface.js';
import type { Transport } from '../options.js';
import type { AppDelivery } from '../socket/envelopes.js';
import type { Store } from '../store.js';
import type { Team, User } from '../state-types.js';
import { sendToApp, type AppAnswer, type AppRequest } from './app-client.js';
import type { ResponseUrls } from './response-urls.js';

export interface DriverDeps {
  store: Store;
  now: () => number;
  signingSecret: string;
  appUrl: () => string | undefined;
  origin: () => string;
  timeoutMs: number;
  blockKit: BlockKitCheck;
  transport: () => Transport;
  /** Delivers over Socket Mode: the ack stands in for the HTTP answer. */
  deliverOverSocket(delivery: AppDelivery): Promise<AppAnswer>;
  /** The event types manifest.yml subscribes the app to. */
  botEvents: () => string[];
}

export interface DriverContext extends DriverDeps {
  responseUrls: ResponseUrls;
  post(body: string, contentType: AppRequest['contentType'], extra?: Pick<AppRequest, 'retry' | 'timestampSec'>): Promise<AppAnswer>;
  actor(teamId: string, userId: string): { team: Team; user: User };
}

export function makeContext(deps: DriverDeps, responseUrls: ResponseUrls): DriverContext {
  return {
    ...deps,
    responseUrls,
    post: (body, contentType, extra = {}) => {
      if (deps.transport() === 'socket') return deps.deliverOverSocket({ body, contentType, ...(extra.retry ? { retry: extra.retry } : {}) });
      const url = deps.appUrl();
      if (!url) throw new Error('emulator: set appUrl before driving the app');
      return sendToApp({ url, secret: deps.signingSecret, body, contentType, timeoutMs: deps.timeoutMs, ...extra });
    },
    actor: (teamId, userId) => ({ team: deps.store.team(teamId), user: deps.store.user(teamId, userId) }),
  };
}

/** What the app answered, as every driver action reports it. */
export interface DriveResult {
  status: number;
  body: unknown;
  /** Set when Slack would show the user an error instead of the app's answer. */
  failure?: AppAnswer['failure'] | 'invalid_blocks' | 'not_subscribed';
}

export function toResult(answer: AppAnswer): DriveResult {
  return { status: answer.status, body: answer.body, ...(answer.failure ? { failure: answer.failure } : {}) };
}
