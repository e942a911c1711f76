// The web role's Web API clients count what Slack refuses: a platform error by method and
// code, an HTTP failure by status, a 429 by method, and nothing for a call that succeeds.
import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slackErrors, slackRateLimited } from '../../src/observability/metrics.js';
import { meteredAdapter } from '../../src/slack/metered-requests.js';
import { startEmulator, type Emulator } from '../emulator/index.js';

const TEAM = 'T0METER001';
const BOT_TOKEN = 'xoxb-metered-requests';
let emu: Emulator;
let client: WebClient;

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, setLevel: () => {}, getLevel: () => LogLevel.ERROR, setName: () => {} };

async function errors(method: string, error: string): Promise<number> {
  return (await slackErrors.get()).values.find((v) => v.labels.method === method && v.labels.error === error)?.value ?? 0;
}
async function limited(method: string): Promise<number> {
  return (await slackRateLimited.get()).values.find((v) => v.labels.method === method)?.value ?? 0;
}
async function total(): Promise<number> {
  const sum = async (m: typeof slackErrors | typeof slackRateLimited) => (await m.get()).values.reduce((a, v) => a + v.value, 0);
  return (await sum(slackErrors)) + (await sum(slackRateLimited));
}

beforeAll(async () => {
  emu = await startEmulator({ signingSecret: 'unused', rateLimits: { enabled: false } });
  emu.addTeam({ id: TEAM, name: 'Acme', botToken: BOT_TOKEN, botUserId: 'U0BOTMETER', appId: 'A0METER001' });
  client = new WebClient(BOT_TOKEN, { slackApiUrl: emu.url, adapter: meteredAdapter, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, logger: quiet });
});
afterEach(() => emu.setFaults(null));
afterAll(async () => emu?.close());

describe('metered Web API requests', () => {
  it('counts nothing for a call that succeeds', async () => {
    const before = await total();
    await client.auth.test();
    expect(await total()).toBe(before);
  });

  it('counts a platform error by method and code', async () => {
    const before = await errors('users.info', 'user_not_found');
    await expect(client.users.info({ user: 'U0NOBODY00' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    expect(await errors('users.info', 'user_not_found')).toBe(before + 1);
  });

  it('counts an HTTP failure by status', async () => {
    const before = await errors('auth.test', 'http_503');
    emu.setFaults({ methods: ['auth.test'], serverErrorRate: 1, serverErrorStatus: 503 });
    await expect(client.auth.test()).rejects.toBeDefined();
    expect(await errors('auth.test', 'http_503')).toBe(before + 1);
  });

  it('counts a 429 by method, not as an error', async () => {
    const before = await limited('auth.test');
    const errorsBefore = (await slackErrors.get()).values.filter((v) => v.labels.method === 'auth.test').reduce((a, v) => a + v.value, 0);
    emu.setFaults({ methods: ['auth.test'], rateLimitStorm: { seconds: 5, retryAfter: 1 } });
    await expect(client.auth.test()).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error' });
    expect(await limited('auth.test')).toBe(before + 1);
    expect((await slackErrors.get()).values.filter((v) => v.labels.method === 'auth.test').reduce((a, v) => a + v.value, 0)).toBe(errorsBefore);
  });
});
