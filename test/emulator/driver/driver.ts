// Drives the app as Slack does: signed slash commands, interactions and events, applying
// the app's answers to the emulated workspace.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../http-io.js';
import type { Store } from '../store.js';
import type { BlockKitCheck } from '../block-kit/validate-surface.js';

export interface DriverDeps {
  store: Store;
  now: () => number;
  signingSecret: string;
  appUrl: () => string | undefined;
  origin: () => string;
  timeoutMs: number;
  blockKit: BlockKitCheck;
}

export class Driver {
  constructor(private readonly deps: DriverDeps) {}

  async handleResponseUrl(_id: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    await readBody(req);
    sendJson(res, 404, { ok: false, error: 'expired_url' });
  }
}
