// Installing Grow to a workspace through Slack's OAuth flow, against the emulator.
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { and, eq } from 'drizzle-orm';
import { planCoachDigests } from '../../db/coach-plan-sync.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { engagements, installations, nudges, sessions } from '../../db/schema/index.js';
import { stopWorkspace } from '../../db/workspaces.js';
import { parseConfig } from '../../src/config.js';
import { createCipher } from '../../src/crypto.js';
import { createOAuthRoutes } from '../../src/http/oauth.js';
import { issueState, verifyState } from '../../src/http/oauth-state.js';
import { createHttpServer } from '../../src/http/server.js';
import { createTokenResolver } from '../../src/platform/tokens.js';
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

describe('uninstall and re-install', () => {
  const pending = async () => t.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.status, 'pending')));

  it('uninstall deletes the token and cancels; planners create nothing; re-install re-plans from now', async () => {
    const first = new Date(Date.now() - 2 * 86_400_000);
    const [engagement] = await t.db
      .insert(engagements)
      .values({ teamId: TEAM, coachId: 'U0COACHINS', leaderId: 'U0LEADINS1', status: 'active', startDate: first.toISOString().slice(0, 10), sessionCount: 6, cadenceDays: 7 })
      .returning();
    await t.db.insert(sessions).values(Array.from({ length: 6 }, (_, i) => ({ teamId: TEAM, engagementId: engagement!.id, seq: i + 1, scheduledAt: new Date(first.getTime() + i * 7 * 86_400_000) })));
    const now = new Date();
    await syncEngagementPlan(t.db, { teamId: TEAM, engagementId: engagement!.id, now });
    await planCoachDigests(t.db, { teamId: TEAM, now });
    expect((await pending()).length).toBeGreaterThan(1);

    // Uninstalled three days ago: the first session and what followed it fell due meanwhile.
    const stoppedAt = new Date(first.getTime() - 86_400_000);
    await stopWorkspace(t.db, TEAM, 'app_uninstalled', stoppedAt);
    const [row] = await t.db.select().from(installations).where(eq(installations.teamId, TEAM));
    expect(row!.botTokenEnc).toBeNull();
    expect(row!.uninstalledAt).not.toBeNull();
    await expect(createTokenResolver(config, t.db, cipher)(TEAM)).rejects.toThrow();
    expect(await pending()).toHaveLength(0);
    // While uninstalled, every planner leaves the workspace alone.
    expect(await syncEngagementPlan(t.db, { teamId: TEAM, engagementId: engagement!.id, now: new Date() })).toMatchObject({ inserted: 0, restored: 0 });
    expect(await planCoachDigests(t.db, { teamId: TEAM, now: new Date() })).toBe(0);
    expect(await pending()).toHaveLength(0);

    const state = await startInstall();
    const res = await fetch(`${base}/slack/oauth_redirect?code=${emu.issueOAuthCode(TEAM, 'U0ADMIN001')}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const resumed = await pending();
    expect(resumed.filter((n) => n.engagementId === engagement!.id).length).toBeGreaterThan(0);
    expect(resumed.some((n) => n.kind === 'digest')).toBe(true);
    // Nothing that fell due while uninstalled comes back due now.
    const reinstalledAt = Date.now();
    for (const n of resumed) expect(n.dueAt.getTime() < stoppedAt.getTime() || n.dueAt.getTime() > reinstalledAt - 60_000).toBe(true);
    const skipped = await t.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.reason, 'due_while_uninstalled')));
    expect(skipped.length).toBeGreaterThan(0);
    await expect(createTokenResolver(config, t.db, cipher)(TEAM)).resolves.toMatch(/^xoxb/);
  });
});
