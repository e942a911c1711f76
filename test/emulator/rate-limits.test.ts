// Rate limiting as Slack does it: HTTP 429 with Retry-After and {ok:false,error:'ratelimited'},
// per channel for chat.postMessage and per method tier otherwise, recovering with time.

import { ErrorCode } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { COACH, LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

let f: Fixture;
afterEach(async () => {
  await f.emu.close();
});

const post = (channel: string) => fetch(`${f.emu.url}chat.postMessage`, {
  method: 'POST', headers: { authorization: 'Bearer xoxb-test-bot-token', 'content-type': 'application/json' },
  body: JSON.stringify({ channel, text: 'hi' }),
});

describe('chat.postMessage per channel', () => {
  it('allows a short burst, then answers 429 with Retry-After, and recovers after a second', async () => {
    f = await startFixture({ rateLimits: { enabled: true } });
    for (let i = 0; i < 3; i++) expect((await post(LEADER)).status).toBe(200);
    const limited = await post(LEADER);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ ok: false, error: 'ratelimited' });
    expect((await post(COACH)).status).toBe(200); // another channel has its own allowance
    f.clock.advance(1000);
    expect((await post(LEADER)).status).toBe(200);
    expect((await post(LEADER)).status).toBe(429);
    expect(f.emu.rejectedCalls()).toHaveLength(2);
    expect(f.emu.rejectedCalls()[0]).toMatchObject({ method: 'chat.postMessage', status: 429, source: 'ratelimit', error: 'ratelimited' });
  });

  it('counts a DM addressed by user id and by channel id as one channel', async () => {
    f = await startFixture({ rateLimits: { enabled: true, postMessageBurst: 1 } });
    expect((await post(LEADER)).status).toBe(200);
    expect((await post(f.emu.dmChannelId(TEAM, LEADER) as string)).status).toBe(429);
  });
});

describe('method tiers', () => {
  it('scales Tier 4 by the factor and tells the WebClient how long to wait', async () => {
    f = await startFixture({ rateLimits: { enabled: true, factor: 0.05 } }); // users.info: 5 per minute
    for (let i = 0; i < 5; i++) await f.client.users.info({ user: LEADER });
    const error = await f.client.users.info({ user: LEADER }).catch((e: { code: string; retryAfter: number }) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 12 });
    f.clock.advance(12_000);
    await expect(f.client.users.info({ user: LEADER })).resolves.toMatchObject({ ok: true });
  });

  it('keeps tiers apart per method and per workspace', async () => {
    f = await startFixture({ rateLimits: { enabled: true, perMinute: { 'users.info': 1 } } });
    await f.client.users.info({ user: LEADER });
    await expect(f.client.users.info({ user: LEADER })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 60 });
    await expect(f.client.auth.test()).resolves.toMatchObject({ ok: true });
  });

  it('Tier 3 (conversations.history) allows 50 a minute at factor 1', async () => {
    f = await startFixture({ rateLimits: { enabled: true } });
    const dm = (await f.client.conversations.open({ users: LEADER })).channel?.id as string;
    for (let i = 0; i < 50; i++) await f.client.conversations.history({ channel: dm });
    await expect(f.client.conversations.history({ channel: dm })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError });
  });

  it('can be switched off or tightened at runtime', async () => {
    f = await startFixture({ rateLimits: { enabled: false } });
    for (let i = 0; i < 10; i++) expect((await post(LEADER)).status).toBe(200);
    f.emu.setRateLimits({ enabled: true, perMinute: { 'auth.test': 1 } });
    await f.client.auth.test();
    await expect(f.client.auth.test()).rejects.toMatchObject({ code: ErrorCode.RateLimitedError });
  });
});
