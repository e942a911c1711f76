// Grow's web role in Socket Mode (SLACK_APP_TOKEN set, no signing secret), in-process on
// a fresh database, against the Slack emulator delivering over its WebSocket: the check-in,
// replies carried in acks, a refresh by Slack, health on the HTTP port, and shutdown.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { actions, checkIns } from '../../db/schema/index.js';
import { parseConfig } from '../../src/config.js';
import { createCipher } from '../../src/crypto.js';
import { ackSeconds, slackRateLimited } from '../../src/observability/metrics.js';
import { toBoltLogger } from '../../src/slack/bolt-logger.js';
import type { SlackDeps } from '../../src/slack/deps.js';
import { createSocketReceiver } from '../../src/slack/socket-mode.js';
import { createTokenResolver } from '../../src/platform/tokens.js';
import { startWeb, type WebHandle } from '../../src/web.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { LEADER, TEAM, waitFor } from '../support/app-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const APP_ID = 'A0GROW0001';
const BOT_TOKEN = `xoxb-test-${randomBytes(6).toString('hex')}`;
const APP_TOKEN = `xapp-1-${APP_ID}-1-${randomBytes(8).toString('hex')}`;

let emu: Emulator;
let db: TestDatabase;
let web: WebHandle | undefined;
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

beforeAll(async () => {
  db = await createTestDatabase();
  // Nothing is signed in Socket Mode; the emulator still wants a secret for HTTP delivery.
  emu = await startEmulator({ signingSecret: 'unused-in-socket-mode', rateLimits: { enabled: false }, transport: 'socket' });
  emu.addTeam({ id: TEAM, name: 'Acme', botToken: BOT_TOKEN, botUserId: 'U0BOT00001', appId: APP_ID });
  emu.addUser(TEAM, { id: LEADER, name: 'leo', realName: 'Leo Leader', tz: 'Europe/Paris' });
  emu.addAppToken(TEAM, APP_TOKEN);
  web = await startSocketWeb(APP_TOKEN);
});

function startSocketWeb(appToken: string, port = 0): Promise<WebHandle> {
  const config = parseConfig({ NODE_ENV: 'test', SLACK_APP_TOKEN: appToken, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: emu.url, DATABASE_URL: db.url, ENCRYPTION_KEY: randomBytes(32).toString('base64') });
  const cipher = createCipher(randomBytes(32));
  const deps: SlackDeps = {
    config, db: db.db, cipher, logger, now: () => new Date(), rhythm: config.rhythm, defaultWorkingHours: config.defaultWorkingHours,
    resolveBotToken: createTokenResolver(config, db.db, cipher),
  };
  return startWeb({ deps, port, readiness: { postgres: () => db.ping() } });
}

afterAll(async () => {
  await web?.close();
  await emu?.close();
  await db?.drop();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '0.0.0.0', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const openLinks = () => emu.socketLinks(APP_ID).filter((l) => l.closedAt === undefined);

async function openCheckIn() {
  const result = await emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' });
  expect(result).toMatchObject({ status: 200 });
  expect(result.failure).toBeUndefined();
  return waitFor(() => emu.openViews(TEAM, LEADER).at(-1));
}

const answers = { goal: 'Run calmer 1:1s', reality: 'I talk most of the time', options: 'Ask first; listen', will: 'Open each 1:1 with a question', visibility: 'summary' };

describe('Grow in Socket Mode', () => {
  it('connects at start: one apps.connections.open with the app token, one open link', () => {
    expect(emu.callsTo('apps.connections.open')).toMatchObject([{ ok: true, teamId: TEAM }]);
    expect(openLinks()).toHaveLength(1);
  });

  it('opens the check-in modal for /grow sent over the socket', async () => {
    const modal = await openCheckIn();
    expect(modal.callback_id).toBe('grow_checkin');
    expect(emu.callsTo('views.open').at(-1)).toMatchObject({ ok: true });
    expect(emu.sockets.envelopes.at(-1)).toMatchObject({ envelope: { type: 'slash_commands' }, outcome: 'acked' });
  });

  it('saves a commitment of 9 and DMs the leader', async () => {
    const modal = await openCheckIn();
    const submitted = await emu.submitView({ teamId: TEAM, userId: LEADER, viewId: String(modal.id), values: { ...answers, commitment: '9' } });
    expect(submitted.outcome).toBe('closed');
    const [row] = await db.db.select().from(checkIns);
    expect(row).toMatchObject({ teamId: TEAM, leaderId: LEADER, commitment: 9, revisited: false });
    expect(await db.db.select().from(actions)).toMatchObject([{ checkInId: row!.id, status: 'open' }]);
    const dm = await waitFor(() => emu.callsTo('chat.postMessage').find((c) => c.args.channel === LEADER));
    expect(dm.ok).toBe(true);
    expect(JSON.stringify(dm.args.blocks)).toContain(answers.will);
  });

  it('answers a commitment of 5 with the revisit step, carried in the ack', async () => {
    await db.db.execute(sql`truncate check_ins, actions, nudges cascade`);
    const modal = await openCheckIn();
    const submitted = await emu.submitView({ teamId: TEAM, userId: LEADER, viewId: String(modal.id), values: { ...answers, commitment: '5' } });
    expect(submitted.outcome).toBe('updated');
    expect(JSON.stringify(submitted.view)).toContain('What would make it a 10?');
    expect(emu.sockets.envelopes.at(-1)?.ackPayload).toMatchObject({ response_action: 'update' });
    expect(await db.db.select().from(checkIns)).toEqual([]);
  });

  it('shows /grow help privately from the ack payload', async () => {
    const result = await emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'help' });
    expect(result.body).toBeDefined();
    expect(emu.ephemerals(TEAM, LEADER).at(-1)).toMatchObject({ via: 'http_response' });
  });

  it('times each envelope from receipt to ack under its surface, like HTTP', async () => {
    const acks = async (surface: string) => (await ackSeconds.get()).values.find((v) => v.metricName === 'grow_slack_ack_seconds_count' && v.labels.surface === surface)?.value ?? 0;
    const commandsBefore = await acks('command');
    const submissionsBefore = await acks('view_submission');
    const modal = await openCheckIn();
    expect(await acks('command')).toBe(commandsBefore + 1);
    await emu.submitView({ teamId: TEAM, userId: LEADER, viewId: String(modal.id), values: { ...answers, commitment: '9' } });
    expect(await acks('view_submission')).toBe(submissionsBefore + 1);
  });

  it('counts a 429 that Bolt\'s own client meets, by method, and still opens the modal once it passes', async () => {
    const limited = async () => (await slackRateLimited.get()).values.find((v) => v.labels.method === 'views.open')?.value ?? 0;
    const before = await limited();
    emu.setFaults({ methods: ['views.open'], rateLimitStorm: { seconds: 1, retryAfter: 1 } });
    try {
      const opened = emu.callsTo('views.open').filter((c) => c.ok).length;
      await emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' });
      // Bolt's client waits out Retry-After and tries again; on a loaded machine that takes a while.
      await waitFor(() => emu.callsTo('views.open').filter((c) => c.ok).length > opened || undefined, 20_000);
      expect(await limited()).toBeGreaterThan(before);
    } finally {
      emu.setFaults(null);
    }
  }, 30_000);

  it('still answers /healthz on its HTTP port', async () => {
    const res = await fetch(`http://127.0.0.1:${web!.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reconnects when Slack asks for a refresh, and keeps serving', async () => {
    const [old] = emu.disconnectSockets({ reason: 'refresh_requested' });
    const fresh = await waitFor(() => openLinks().find((l) => l.id !== old!.id), 8_000);
    expect(emu.callsTo('apps.connections.open')).toHaveLength(2);
    expect(emu.socketLinks(APP_ID).find((l) => l.id === old!.id)).toMatchObject({ closedBy: 'app' });
    const before = emu.ephemerals(TEAM, LEADER).length;
    await emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'help' });
    expect(emu.ephemerals(TEAM, LEADER)).toHaveLength(before + 1);
    expect(emu.sockets.envelopes.at(-1)).toMatchObject({ linkId: fresh.id, outcome: 'acked' });
  }, 10_000);

  it('keeps the socket client\'s own retry policy off the Web API options listeners use', () => {
    const clientOptions = { slackApiUrl: emu.url };
    const receiver = createSocketReceiver({ appToken: APP_TOKEN, apiUrl: emu.url, logger: toBoltLogger(logger) });
    new App({ receiver, authorize: async () => ({ botToken: BOT_TOKEN }), clientOptions, logger: toBoltLogger(logger) });
    expect(clientOptions).not.toHaveProperty('retryConfig');
  });

  it('refuses to start with an app token Slack does not know, and frees its port', async () => {
    const port = await freePort();
    await expect(startSocketWeb('xapp-1-unknown', port)).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await new Promise<void>((resolve, reject) => {
      const probe = createServer().once('error', reject).listen(port, '0.0.0.0', () => probe.close(() => resolve()));
    });
  });

  it('closes its link when the web handle closes', async () => {
    await web!.close();
    web = undefined;
    expect(openLinks()).toEqual([]);
    expect(emu.socketLinks(APP_ID).at(-1)).toMatchObject({ closedBy: 'app' });
  });
});
