// Fault injection: a seeded fraction of 5xx answers, reset connections (before or after
// Slack acted), slow answers and 429 storms, scoped to methods and changeable at runtime.

import { ErrorCode } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

let f: Fixture;
afterEach(async () => {
  await f.emu.close();
});

async function statuses(fixture: Fixture, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${fixture.emu.url}auth.test`, { method: 'POST', headers: { authorization: 'Bearer xoxb-test-bot-token' } });
    out.push(res.status);
  }
  return out;
}

describe('5xx fraction', () => {
  it('answers about the configured fraction with 503, identically for the same seed', async () => {
    f = await startFixture({ faults: { seed: 42, rules: [{ serverErrorRate: 0.3 }] } });
    const first = await statuses(f, 100);
    const failures = first.filter((s) => s === 503).length;
    expect(failures).toBeGreaterThan(15);
    expect(failures).toBeLessThan(45);
    f.emu.setFaults({ seed: 42, rules: [{ serverErrorRate: 0.3 }] });
    expect(await statuses(f, 100)).toEqual(first);
    expect(f.emu.rejectedCalls()).toEqual([]); // injected faults are not Slack refusals
    expect(f.emu.rejectedCalls({ includeFaults: true })).toHaveLength(failures * 2);
  });

  it('reaches the WebClient as an HTTP error', async () => {
    f = await startFixture({ faults: { serverErrorRate: 1, methods: ['users.info'] } });
    await expect(f.client.users.info({ user: LEADER })).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503 });
    await expect(f.client.auth.test()).resolves.toMatchObject({ ok: true });
  });
});

describe('connection resets', () => {
  it('destroys the socket before Slack acts: nothing is posted', async () => {
    f = await startFixture({ faults: { resetRate: 1, methods: ['chat.postMessage'] } });
    await expect(f.client.chat.postMessage({ channel: LEADER, text: 'x' })).rejects.toMatchObject({ code: ErrorCode.RequestError });
    expect(f.emu.dmWith(TEAM, LEADER)).toEqual([]);
  });

  it('destroys the socket after Slack acts: the message exists though the caller saw an error', async () => {
    f = await startFixture({ faults: { resetRate: 1, methods: ['chat.postMessage'], when: 'after' } });
    await expect(f.client.chat.postMessage({ channel: LEADER, text: 'sent once?' })).rejects.toBeTruthy();
    expect(f.emu.dmWith(TEAM, LEADER)).toMatchObject([{ text: 'sent once?' }]);
    f.emu.setFaults(null);
    await expect(f.client.chat.postMessage({ channel: LEADER, text: 'ok' })).resolves.toMatchObject({ ok: true });
  });
});

describe('slow answers and storms', () => {
  it('delays matching calls', async () => {
    f = await startFixture({ faults: { delayMs: 150, methods: ['auth.test'] } });
    const started = Date.now();
    await f.client.auth.test();
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers every call to a method with 429 for the storm, then recovers', async () => {
    f = await startFixture();
    f.emu.setFaults({ methods: ['users.info'], rateLimitStorm: { seconds: 10 } });
    await expect(f.client.users.info({ user: LEADER })).rejects.toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 10 });
    f.clock.advance(4_000);
    await expect(f.client.users.info({ user: LEADER })).rejects.toMatchObject({ retryAfter: 6 });
    await expect(f.client.auth.test()).resolves.toMatchObject({ ok: true });
    f.clock.advance(6_000);
    await expect(f.client.users.info({ user: LEADER })).resolves.toMatchObject({ ok: true });
  });
});
