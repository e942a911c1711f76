// A signed request replayed inside Slack's five-minute window acts once, and a payload's
// response_url is used only when it points at Slack's own hooks host.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { checkIns } from '../../db/schema/index.js';
import { countSeenRequests } from '../../db/seen-requests.js';
import { signBody } from '../../src/http/verify-signature.js';
import { isTrustedResponseUrl, trustedResponseHosts } from '../../src/http/response-url.js';
import { PERSON_ACTIONS } from '../../src/slack/ids.js';
import { FORM, interactionBody, LEADER, SIGNING_SECRET, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { checkInSubmission } from '../support/checkin-payloads.js';

let h: Harness;
let internal: Server;
let internalHits = 0;
let internalUrl = '';
beforeAll(async () => {
  h = await startHarness();
  // Stands for an address inside the network that a forged response_url would aim at.
  internal = createServer((_req, res) => {
    internalHits += 1;
    res.writeHead(200).end('ok');
  });
  await new Promise<void>((r) => internal.listen(0, '127.0.0.1', () => r()));
  internalUrl = `http://127.0.0.1:${(internal.address() as AddressInfo).port}/admin/reset`;
});
afterAll(async () => {
  await new Promise<void>((r) => internal.close(() => r()));
  await h?.close();
});

/** Posts exactly the same bytes with exactly the same headers, as a replay would. */
async function postSame(body: string, type: string, timestamp: number, extra: Record<string, string> = {}) {
  return fetch(`${h.url}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': type, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signBody(SIGNING_SECRET, timestamp, body), ...extra },
    body,
  });
}
const nowSec = () => Math.floor(Date.now() / 1000);

describe('replays act once', () => {
  it('the same signed slash command sent twice opens one modal', async () => {
    const before = h.emu.callsTo('views.open').length;
    const ts = nowSec();
    const open = slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) });
    expect((await postSame(open, FORM, ts)).status).toBe(200);
    expect((await postSame(open, FORM, ts)).status).toBe(200);
    await waitFor(() => h.emu.callsTo('views.open').length > before);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.emu.callsTo('views.open').length - before).toBe(1);
  });

  it('Slack’s retry of an event (new timestamp, x-slack-retry-num, same event_id) publishes Home once', async () => {
    const before = h.emu.callsTo('views.publish').length;
    const body = JSON.stringify({
      token: 'x', team_id: TEAM, api_app_id: 'A0GROW0001', type: 'event_callback', event_id: 'Ev0REPLAY01', event_time: nowSec(),
      event: { type: 'app_home_opened', user: LEADER, channel: 'D0HOME0001', tab: 'home', event_ts: '1.2' },
    });
    expect((await postSame(body, 'application/json', nowSec())).status).toBe(200);
    await waitFor(() => h.emu.callsTo('views.publish').length > before);
    expect((await postSame(body, 'application/json', nowSec() + 1, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.emu.callsTo('views.publish').length - before).toBe(1);
  });

  it('a check-in submitted twice (same view id, hash and answers) is saved once; keys store no text', async () => {
    const before = h.emu.callsTo('views.open').length;
    await h.post(slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
    const call = await waitFor(() => h.emu.callsTo('views.open')[before]);
    const view = (call.response as { view: Parameters<typeof checkInSubmission>[0] }).view;
    const body = interactionBody(checkInSubmission(view, { goal: 'Delegate more', reality: 'r', options: 'o', will: 'Hand over the budget review', commitment: 9 }));
    expect((await postSame(body, FORM, nowSec())).status).toBe(200);
    expect((await postSame(body, FORM, nowSec() + 1)).status).toBe(200);
    expect(await h.db.db.select().from(checkIns)).toHaveLength(1);
    expect(await countSeenRequests(h.db.db)).toBeGreaterThan(0);
    const keys = await h.db.db.execute(sql`select key from seen_requests`);
    expect(JSON.stringify(keys)).not.toMatch(/Delegate|budget|Ev0REPLAY01|A0GROW/);
  });
});

describe('response_url', () => {
  it('trusts only Slack’s hooks host, or the emulator’s host', () => {
    const slack = trustedResponseHosts('https://slack.com/api/');
    expect(isTrustedResponseUrl('https://hooks.slack.com/actions/T1/2/x', slack)).toBe(true);
    expect(isTrustedResponseUrl('http://hooks.slack.com/actions/T1/2/x', slack)).toBe(false);
    expect(isTrustedResponseUrl('https://hooks.slack.com.evil.example/x', slack)).toBe(false);
    expect(isTrustedResponseUrl('https://user@hooks.slack.com/x', slack)).toBe(false);
    expect(isTrustedResponseUrl('http://169.254.169.254/latest/meta-data', slack)).toBe(false);
    expect(isTrustedResponseUrl('http://127.0.0.1:3001/hooks/x', trustedResponseHosts('http://127.0.0.1:3001/api/'))).toBe(true);
  });

  it('a signed click carrying an internal response_url makes Grow post nothing there', async () => {
    const click = {
      type: 'block_actions', team: { id: TEAM, domain: 'acme' }, user: { id: LEADER, username: 'leo', team_id: TEAM }, api_app_id: 'A0GROW0001',
      trigger_id: h.emu.issueTrigger(TEAM, LEADER), container: { type: 'message', message_ts: '1.1', channel_id: 'D0LEADERDM' },
      channel: { id: 'D0LEADERDM' }, response_url: internalUrl,
      actions: [{ type: 'button', action_id: PERSON_ACTIONS.eraseData, block_id: 'b', value: 'erase', action_ts: '1' }],
    };
    expect((await h.post(interactionBody(click), FORM)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(internalHits).toBe(0);
  });
});
