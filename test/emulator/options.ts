// Options accepted by startEmulator.

import type { Clock } from './clock.js';
import type { FaultOptions, FaultRule } from './faults.js';
import type { RateLimitOptions } from './rate-limits.js';

/** How the driver reaches the app: signed POSTs to appUrl, or Socket Mode envelopes. */
export type Transport = 'http' | 'socket';

export interface EmulatorOptions {
  /** Used to sign every request the emulator sends to the app. */
  signingSecret: string;
  /** The app's request URL (commands, interactions and events all go here). */
  appUrl?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  rateLimits?: RateLimitOptions;
  faults?: FaultOptions | FaultRule | FaultRule[];
  /** Milliseconds since the epoch; defaults to Date.now. */
  now?: Clock;
  /** Client credentials oauth.v2.access accepts. */
  oauth?: { clientId: string; clientSecret: string; scopes?: string };
  /** How long the driver waits for the app to answer; Slack gives up after 3 s. */
  appTimeoutMs?: number;
  /** 'http' (default) or 'socket'; may also be changed later (`emu.transport = …`). */
  transport?: Transport;
  /** Scopes every bot token holds; defaults to the bot scopes in manifest.yml. */
  botScopes?: string[];
}
