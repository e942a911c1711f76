// Shared set-up for the emulator's own tests: one workspace with a bot, a coach and a
// leader, and a WebClient that fails fast instead of retrying.

import { LogLevel, WebClient, type Logger } from '@slack/web-api';
import { createManualClock, type ManualClock } from './clock.js';
import { startEmulator, type Emulator } from './emulator.js';
import type { EmulatorOptions } from './options.js';

export const TEAM = 'T0TEST0001';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const BOT_USER = 'U0BOT00001';
export const COACH = 'U0COACH001';
export const LEADER = 'U0LEADER01';

export interface Fixture {
  emu: Emulator;
  clock: ManualClock;
  client: WebClient;
}

export async function startFixture(options: Partial<EmulatorOptions> = {}): Promise<Fixture> {
  const clock = createManualClock(Date.UTC(2024, 2, 12, 16, 0, 0));
  const emu = await startEmulator({
    signingSecret: 'test-signing-secret', rateLimits: { enabled: false }, now: clock.now, ...options,
  });
  emu.addTeam({ id: TEAM, name: 'Acme', botToken: BOT_TOKEN, botUserId: BOT_USER, appId: 'A0GROW0001' });
  emu.addUser(TEAM, { id: COACH, name: 'cora', realName: 'Cora Coach', tz: 'Europe/London' });
  emu.addUser(TEAM, { id: LEADER, name: 'leo', realName: 'Leo Leader', tz: 'America/New_York' });
  return { emu, clock, client: clientFor(emu, BOT_TOKEN) };
}

// Refusals are what these tests provoke; the client need not print them.
const quiet: Logger = {
  debug: () => {}, info: () => {}, warn: () => {}, error: () => {},
  setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {},
};

export function clientFor(emu: Emulator, token?: string): WebClient {
  return new WebClient(token, {
    slackApiUrl: emu.url, retryConfig: { retries: 0 }, logger: quiet, rejectRateLimitedCalls: true,
  });
}
