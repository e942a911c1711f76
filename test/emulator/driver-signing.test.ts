// The emulator's requests to the app are signed and shaped as Slack's: slash command form
// fields, interaction payloads and Events API envelopes.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signRequest } from './driver/signing.js';
import { startFakeApp, type FakeApp } from './fake-app.js';
import { BOT_USER, COACH, LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

const SECRET = 'test-signing-secret';
let f: Fixture;
let app: FakeApp;
beforeEach(async () => {
  app = await startFakeApp(SECRET);
  f = await startFixture({ signingSecret: SECRET, appUrl: app.url });
});
afterEach(async () => {
  await f.emu.close();
  await app.close();
});

describe('signing', () => {
  it('signs with v0=HMAC-SHA256 over "v0:timestamp:body" using the current real time', async () => {
    await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'help' });
    const [request] = app.received;
    expect(request?.signatureValid).toBe(true);
    const ts = Number(request?.headers['x-slack-request-timestamp']);
    expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(5);
    expect(request?.headers['x-slack-signature']).toBe(signRequest(SECRET, ts, request?.rawBody ?? ''));
  });

  it('a receiver holding another secret cannot verify the request', async () => {
    const other = await startFixture({ signingSecret: 'another-secret', appUrl: app.url });
    await other.emu.event({ teamId: TEAM, event: { type: 'app_home_opened', user: LEADER, tab: 'home' } });
    await other.emu.close();
    expect(app.received[0]?.signatureValid).toBe(false);
  });
});

describe('payload shapes', () => {
  it('sends slash commands as form fields with a fresh trigger_id and response_url', async () => {
    const res = await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'pause 3' });
    const request = app.received[0];
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.parsed).toMatchObject({
      team_id: TEAM, team_domain: 'acme', user_id: LEADER, user_name: 'leo', command: '/grow', text: 'pause 3',
      api_app_id: 'A0GROW0001', channel_name: 'directmessage', trigger_id: res.triggerId, response_url: res.responseUrl,
      is_enterprise_install: 'false',
    });
    expect(request?.parsed.channel_id).toBe(f.emu.dmChannelId(TEAM, LEADER));
  });

  it('sends block_actions with the real button value, the whole message and a container', async () => {
    const posted = await f.client.chat.postMessage({
      channel: LEADER, text: 'Did you do it?',
      blocks: [{ type: 'actions', block_id: 'followup', elements: [
        { type: 'button', action_id: 'action_done', text: { type: 'plain_text', text: 'Done' }, value: '{"nudge":"n-1"}', style: 'primary' },
      ] }],
    });
    const res = await f.emu.clickButton({ teamId: TEAM, userId: LEADER, channelId: posted.channel as string, ts: posted.ts as string, actionId: 'action_done' });
    const payload = app.received[0]?.parsed as Record<string, any>;
    expect(payload).toMatchObject({
      type: 'block_actions', user: { id: LEADER, username: 'leo', team_id: TEAM }, team: { id: TEAM, domain: 'acme' },
      api_app_id: 'A0GROW0001', trigger_id: res.triggerId, response_url: res.responseUrl,
      container: { type: 'message', message_ts: posted.ts, channel_id: posted.channel, is_ephemeral: false },
      channel: { id: posted.channel }, message: { ts: posted.ts, text: 'Did you do it?', bot_id: expect.any(String) },
      actions: [{ action_id: 'action_done', block_id: 'followup', type: 'button', value: '{"nudge":"n-1"}', text: { text: 'Done' } }],
    });
    expect(payload.actions[0].action_ts).toMatch(/^\d+\.\d{6}$/);
  });

  it('sends message shortcuts with callback_id, message and channel', async () => {
    f.emu.addChannel(TEAM, { id: 'C0TEAM0001', name: 'team', members: [LEADER, COACH] });
    const ts = f.emu.postUserMessage(TEAM, { channelId: 'C0TEAM0001', userId: COACH, text: 'Great call today' });
    await f.emu.messageShortcut({ teamId: TEAM, userId: LEADER, channelId: 'C0TEAM0001', ts, callbackId: 'save_moment' });
    expect(app.received[0]?.parsed).toMatchObject({
      type: 'message_action', callback_id: 'save_moment', message_ts: ts, channel: { id: 'C0TEAM0001', name: 'team' },
      message: { text: 'Great call today', user: COACH }, user: { id: LEADER }, trigger_id: expect.any(String),
    });
  });

  it('sends events as JSON event_callback envelopes with authorizations', async () => {
    const res = await f.emu.openHome({ teamId: TEAM, userId: LEADER });
    const request = app.received[0];
    expect(request?.contentType).toBe('application/json');
    expect(request?.parsed).toMatchObject({
      type: 'event_callback', team_id: TEAM, api_app_id: 'A0GROW0001', event_id: res.eventId,
      event: { type: 'app_home_opened', user: LEADER, tab: 'home', channel: f.emu.dmChannelId(TEAM, LEADER) },
      authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
    });
  });

  it('marks redeliveries with X-Slack-Retry headers', async () => {
    await f.emu.event({ teamId: TEAM, event: { type: 'app_home_opened', user: LEADER }, eventId: 'Ev0SAME', retry: { num: 1, reason: 'http_timeout' } });
    expect(app.received[0]?.headers).toMatchObject({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
  });

  it('uninstall revokes access and tells the app with tokens_revoked and app_uninstalled', async () => {
    await f.emu.uninstall(TEAM);
    expect(app.received.map((r) => (r.parsed.event as { type: string }).type)).toEqual(['tokens_revoked', 'app_uninstalled']);
    await expect(f.client.auth.test()).rejects.toMatchObject({ data: { error: 'account_inactive' } });
  });
});
