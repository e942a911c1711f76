// Installing Grow to a workspace through Slack's OAuth flow, against the emulator.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { installations } from '../../db/schema/index.js';
import { parseConfig } from '../../src/config.js';
import { createCipher } from '../../src/crypto.js';
import { createOAuthRoutes } from '../../src/http/oauth.js';
import { issueState, verifyState } from '../../src/http/oauth-state.js';
import { createHttpServer } from '../../src/http/server.js';
import { createTokenResolver } from '../../src/slack/tokens.js';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0INSTALL1';
const client = { clientId: '1234.5678', clientSecret: randomBytes(8).toString('hex') };
const STATE_SECRET = randomBytes(8).toString('hex');
let emu: Emulator;
let t: TestDatabase;
let server: Server;
let base: string;
const cipher = createCipher(randomBytes(32));
let config: ReturnType<typeof parseConfig>;

beforeAll(async () => {
  [emu, t] = await Promise.all([startEmulator({ signingSecret: 'x', oauth: client, rateLimits: { enabled: false } }), createTestDatabase()]);
  emu.addTeam({ id: TEAM, name: 'Initech', botToken: `xoxb-${randomBytes(4).toString('hex')}`, botUserId: 'U0BOTINST1' });
  emu.addUser(TEAM, { id: 'U0ADMIN001', name: 'admin', tz: 'UTC' });
  config = parseConfig({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: client.clientId, SLACK_CLIENT_SECRET: client.clientSecret, SLACK_STATE_SECRET: STATE_SECRET, SLACK_API_URL: emu.url });
  const getRoutes = createOAuthRoutes({ config, db: t.db, cipher, logger: pino({ level: 'silent' }), now: () => new Date() });
  server = createHttpServer({ logger: pino({ level: 'silent' }), readiness: {}, getRoutes });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await emu.close();
  await t.drop();
});

/** The state Slack will send back, and the cookie the installing browser holds. */
let cookie = '';
async function startInstall(): Promise<string> {
  const res = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; Secure; SameSite=Lax/);
  const location = new URL(res.headers.get('location')!);
  expect(location.pathname).toBe('/oauth/v2/authorize');
  expect(location.searchParams.get('client_id')).toBe(client.clientId);
  expect(location.searchParams.get('scope')).toBe('chat:write,commands,im:write,im:history,users:read,dnd:read');
  return location.searchParams.get('state')!;
}

describe('OAuth install', () => {
  it('stores the workspace’s bot token encrypted, and the token seam then speaks for it', async () => {
    const state = await startInstall();
    const code = emu.issueOAuthCode(TEAM, 'U0ADMIN001');
    const res = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect(await res.text()).toContain('Grow is ready in Initech');
    const [row] = await t.db.select().from(installations);
    expect(row).toMatchObject({ teamId: TEAM, teamName: 'Initech', botUserId: 'U0BOTINST1', uninstalledAt: null });
    const token = await createTokenResolver(config, t.db, cipher)(TEAM);
    expect(token).toMatch(/^xoxb/);
    expect(row!.botTokenEnc).not.toContain(token);
  });

  it('refuses a forged or expired state and stores nothing new', async () => {
    const code = emu.issueOAuthCode(TEAM, 'U0ADMIN001');
    const forged = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${issueState('another-secret', new Date())}`);
    expect(forged.status).toBe(400);
    const expired = issueState(STATE_SECRET, new Date(Date.now() - 11 * 60_000));
    expect(verifyState(STATE_SECRET, expired, new Date())).toBe(false);
    expect((await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${expired}`)).status).toBe(400);
    expect(await t.db.select().from(installations)).toHaveLength(1);
  });

  it('a state completes one install, only from the browser that started it', async () => {
    const state = await startInstall();
    const url = (code: string) => `${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`;
    // Another browser (no cookie, or its own install's cookie) cannot complete this install.
    expect((await fetch(url(emu.issueOAuthCode(TEAM, 'U0ADMIN001')))).status).toBe(400);
    const own = cookie;
    await startInstall();
    expect((await fetch(url(emu.issueOAuthCode(TEAM, 'U0ADMIN001')), { headers: { cookie } })).status).toBe(400);
    expect((await fetch(url(emu.issueOAuthCode(TEAM, 'U0ADMIN001')), { headers: { cookie: `other=1; ${own}` } })).status).toBe(200);
    // Replaying the same state, even with the right cookie, is refused.
    const again = await fetch(url(emu.issueOAuthCode(TEAM, 'U0ADMIN001')), { headers: { cookie: own } });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('This link has expired');
  });

  it('shows a plain page, never a stack trace, when Slack refuses the code or the admin cancels', async () => {
    const state = await startInstall();
    const bad = await fetch(`${base}/slack/oauth_redirect?code=not-a-code&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    const body = await bad.text();
    expect(body).toContain('Installation did not complete');
    expect(body).not.toMatch(/invalid_code|Error:|at /);
    const cancelled = await fetch(`${base}/slack/oauth_redirect?error=access_denied&state=${encodeURIComponent(state)}`);
    expect(await cancelled.text()).toContain('Installation cancelled');
  });
});
