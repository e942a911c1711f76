// Requests that did not come from Slack, or that no one can read, are refused without
// changing anything, and the process keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIns } from '../../db/schema/index.js';
import { FORM, interactionBody, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { signBody } from '../../src/http/verify-signature.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const now = () => Math.floor(Date.now() / 1000);

describe('requests Grow refuses', () => {
  it('refuses a forged signature with 401 and opens nothing', async () => {
    const body = slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) });
    const res = await h.post(body, FORM, { signature: signBody('not-the-secret', now(), body) });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.emu.callsTo('views.open')).toHaveLength(0);
  });

  it.each([
    ['more than 5 minutes old', -330],
    ['more than 5 minutes in the future', 330],
  ])('refuses a timestamp %s with 401, even when correctly signed', async (_label, skew) => {
    const body = slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) });
    const res = await h.post(body, FORM, { timestamp: now() + skew });
    expect(res.status).toBe(401);
    expect(h.emu.callsTo('views.open')).toHaveLength(0);
  });

  it('accepts a timestamp just inside the window', async () => {
    const res = await h.post(slashCommandBody({ text: 'help', triggerId: 'x' }), FORM, { timestamp: now() - 290 });
    expect(res.status).toBe(200);
  });

  it('refuses a request with no signature headers', async () => {
    const res = await fetch(`${h.url}/slack/events`, { method: 'POST', headers: { 'content-type': FORM }, body: 'command=/grow' });
    expect(res.status).toBe(401);
  });

  it.each([
    ['broken interaction JSON', 'payload=%7Bnot-json', FORM],
    ['an interaction payload that is not an object', interactionBody([1, 2]), FORM],
    ['broken event JSON', '{"type":', 'application/json'],
    ['an unsupported content type', 'hello', 'text/plain'],
    ['an empty form', '', FORM],
  ])('answers %s with a 4xx and keeps serving', async (_label, body, type) => {
    const res = await h.post(body, type);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('answers an oversized body with 413', async () => {
    const res = await h.post(`payload=${'a'.repeat(1024 * 1024 + 10)}`, FORM);
    expect(res.status).toBe(413);
  });

  it('answers a view submission for an unknown view with an empty 200 (Bolt ignores it) and writes nothing', async () => {
    const res = await h.post(interactionBody({ type: 'view_submission', team: { id: TEAM }, user: { id: LEADER, team_id: TEAM }, view: { callback_id: 'nope', state: { values: {} } } }), FORM);
    expect(res.status).toBeLessThan(500);
    expect(await h.db.db.select().from(checkIns)).toHaveLength(0);
  });

  it('still serves a valid request after all of the above', async () => {
    const res = await h.post(slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
    expect(res.status).toBe(200);
    await waitFor(() => h.emu.callsTo('views.open').find((c) => c.ok));
  });

  it('answers url_verification challenges only when signed', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' });
    const ok = await h.post(body, 'application/json');
    expect(await ok.json()).toEqual({ challenge: 'abc123' });
    const forged = await h.post(body, 'application/json', { signature: 'v0=00' });
    expect(forged.status).toBe(401);
  });
});

describe('health', () => {
  it('reports healthz and readyz', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { postgres: 'ok' } });
  });
});
