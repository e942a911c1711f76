// Runs the real Grow web role in-process over HTTP, on a fresh database, talking to the
// Slack emulator. Requests are signed exactly as Slack signs them.
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createCipher, type Cipher } from '../../src/crypto.js';
import type { Extensions } from '../../src/slack/app.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { createTokenResolver } from '../../src/platform/tokens.js';
import { startWeb, type WebHandle } from '../../src/web.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { signBody } from '../../src/http/verify-signature.js';

export const TEAM = 'T0GROW0001';
export const LEADER = 'U0LEADER01';
export const COACH = 'U0COACH001';
export const SIGNING_SECRET = randomBytes(16).toString('hex');
const BOT_TOKEN = `xoxb-test-${randomBytes(6).toString('hex')}`;

export interface Harness {
  emu: Emulator;
  web: WebHandle;
  db: TestDatabase;
  cipher: Cipher;
  config: Config;
  deps: SlackDeps;
  url: string;
  post(body: string, contentType: string, opts?: { timestamp?: number; signature?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function startHarness(options: { extensions?: Extensions; replan?: SlackDeps['replan']; handOffNudges?: SlackDeps['handOffNudges']; logger?: SlackDeps['logger'] } = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const emu = await startEmulator({ signingSecret: SIGNING_SECRET, rateLimits: { enabled: false } });
  emu.addTeam({ id: TEAM, name: 'Acme', botToken: BOT_TOKEN, botUserId: 'U0BOT00001', appId: 'A0GROW0001' });
  emu.addUser(TEAM, { id: LEADER, name: 'leo', realName: 'Leo Leader', tz: 'Europe/Paris' });
  emu.addUser(TEAM, { id: COACH, name: 'cora', realName: 'Cora Coach', tz: 'Europe/London' });
  const config = parseConfig({ NODE_ENV: 'test', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: emu.url, DATABASE_URL: db.url, ENCRYPTION_KEY: randomBytes(32).toString('base64') });
  const cipher = createCipher(randomBytes(32));
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const deps: SlackDeps = {
    config, db: db.db, cipher, logger, now: () => new Date(), rhythm: config.rhythm, defaultWorkingHours: config.defaultWorkingHours,
    resolveBotToken: createTokenResolver(config, db.db, cipher), replan: options.replan, handOffNudges: options.handOffNudges,
  };
  const web = await startWeb({ deps, port: 0, extensions: options.extensions, readiness: { postgres: () => db.ping() } });
  const url = `http://127.0.0.1:${web.port}`;
  emu.appUrl = `${url}/slack/events`;
  return {
    emu,
    web,
    db,
    cipher,
    config,
    deps,
    url,
    post(body, contentType, opts = {}) {
      const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
      return fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': opts.signature ?? signBody(SIGNING_SECRET, timestamp, body),
        },
        body,
      });
    },
    async close() {
      await web.close();
      await emu.close();
      await db.drop();
    },
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function slashCommandBody(fields: { text?: string; triggerId: string; userId?: string }): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: 'D0LEADERDM',
    channel_name: 'directmessage',
    user_id: fields.userId ?? LEADER,
    user_name: 'leo',
    command: '/grow',
    text: fields.text ?? '',
    api_app_id: 'A0GROW0001',
    is_enterprise_install: 'false',
    response_url: 'https://hooks.slack.invalid/commands/T0GROW0001/1/x',
    trigger_id: fields.triggerId,
  }).toString();
}

/** A view_submission as Slack sends it: the submitted view with its state values. */
export function viewSubmission(view: object, values: Record<string, unknown>, userId = LEADER) {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: userId, username: 'u', name: 'u', team_id: TEAM },
    api_app_id: 'A0GROW0001',
    token: 'deprecated-verification-token',
    trigger_id: '1.2.3',
    view: { ...view, team_id: TEAM, type: 'modal', state: { values } },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

export function interactionBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export const FORM = 'application/x-www-form-urlencoded';
