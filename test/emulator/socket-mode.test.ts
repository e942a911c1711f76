// Socket Mode as Slack speaks it: apps.connections.open with an app-level token, hello on
// connect, envelopes carrying the same payloads as HTTP, acks routed by envelope_id and
// read like HTTP answers, the 3-second limit, and disconnect for a refresh.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BOT_TOKEN, LEADER, TEAM, clientFor, startFixture, type Fixture } from './fixtures.js';
import { connectSocketApp, openSocketUrl, type FakeSocketApp } from './socket/fake-socket-app.js';

const APP_TOKEN = 'xapp-1-A0GROW0001-1-secret';
let f: Fixture;
let app: FakeSocketApp | undefined;
beforeEach(async () => {
  f = await startFixture({ transport: 'socket', appTimeoutMs: 300 });
  f.emu.addAppToken(TEAM, APP_TOKEN);
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await f.emu.close();
});

const connect = async () => (app = await connectSocketApp(f.emu.url, APP_TOKEN));
const plain = (text: string) => ({ type: 'plain_text' as const, text });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i += 1) await new Promise((r) => setTimeout(r, 10));
};

describe('apps.connections.open', () => {
  it('answers an app-level token with a one-use WebSocket URL on the emulator itself', async () => {
    const url = await openSocketUrl(f.emu.url, APP_TOKEN);
    expect(url).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${new URL(f.emu.url).port}/link/\\?ticket=\\w+&app_id=A0GROW0001$`));
    expect(f.emu.callsTo('apps.connections.open')).toMatchObject([{ ok: true, teamId: TEAM }]);
  });

  it('refuses unknown, bot and misplaced tokens the way Slack does', async () => {
    await expect(openSocketUrl(f.emu.url, 'xapp-1-nope')).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    await expect(openSocketUrl(f.emu.url, BOT_TOKEN)).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
    // The app-level token belongs in the Authorization header, not the form.
    const inForm = await fetch(`${f.emu.url}apps.connections.open`, { method: 'POST', body: new URLSearchParams({ token: APP_TOKEN }) });
    expect(await inForm.json()).toEqual({ ok: false, error: 'not_authed' });
    // And it opens links only: other methods refuse it.
    await expect(clientFor(f.emu, APP_TOKEN).auth.test()).rejects.toMatchObject({ data: { error: 'not_allowed_token_type' } });
  });
});

describe('the link', () => {
  it('says hello with the app id and how many links the app has open', async () => {
    await connect();
    expect(app!.received[0]).toMatchObject({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0GROW0001' } });
    const second = await connectSocketApp(f.emu.url, APP_TOKEN);
    expect(second.received[0]).toMatchObject({ type: 'hello', num_connections: 2 });
    await second.close();
  });

  it('admits a ticket once', async () => {
    const url = (await connect()).url;
    const again = new WebSocket(url);
    const refused = await new Promise<string>((resolve) => again.once('error', (e) => resolve(e.message)));
    expect(refused).toContain('401');
  });
});

describe('deliveries', () => {
  it('sends a slash command as slash_commands with the HTTP form fields, and shows the ack payload to the user', async () => {
    await connect();
    app!.reply = () => ({ payload: { text: 'Grow helps you between sessions.' } });
    const result = await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'help' });
    expect(result).toMatchObject({ status: 200, body: { text: 'Grow helps you between sessions.' } });
    expect(app!.envelopes()[0]).toMatchObject({
      type: 'slash_commands', accepts_response_payload: true,
      payload: { command: '/grow', text: 'help', team_id: TEAM, user_id: LEADER, api_app_id: 'A0GROW0001', trigger_id: result.triggerId, response_url: result.responseUrl },
    });
    expect(f.emu.ephemerals(TEAM, LEADER)).toMatchObject([{ text: 'Grow helps you between sessions.', via: 'http_response' }]);
  });

  it('reads a bare ack (payload {}) as an empty answer', async () => {
    await connect();
    app!.reply = () => ({ payload: {} });
    expect(await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' })).toMatchObject({ status: 200, body: undefined });
    expect(f.emu.ephemerals(TEAM, LEADER)).toEqual([]);
  });

  it('applies a view submission ack as response_action, and ignores payloads Slack does not read', async () => {
    await connect();
    const { view } = await f.client.views.open({ trigger_id: f.emu.issueTrigger(TEAM, LEADER), view: {
      type: 'modal', callback_id: 'grow_checkin', title: plain('Check-in'), submit: plain('Save'),
      blocks: [
        { type: 'input', block_id: 'commitment', label: plain('Commitment'), element: { type: 'plain_text_input', action_id: 'v' } },
        { type: 'actions', block_id: 'more', elements: [{ type: 'button', action_id: 'hint', text: plain('Hint') }] },
      ],
    } });
    app!.reply = (e) => ({ payload: { response_action: 'errors', errors: { commitment: `seen ${String(e.payload.type)}` } } });
    const submitted = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId: view!.id!, values: { commitment: '5' } });
    expect(submitted).toMatchObject({ outcome: 'errors', errors: { commitment: 'seen view_submission' } });
    const clicked = await f.emu.clickViewButton({ teamId: TEAM, userId: LEADER, viewId: view!.id!, actionId: 'hint' });
    expect(clicked).toMatchObject({ status: 200, body: undefined });
    expect(app!.envelopes().map((e) => [e.type, e.payload.type, e.accepts_response_payload])).toEqual([
      ['interactive', 'view_submission', true], ['interactive', 'block_actions', false],
    ]);
  });

  it('sends events as events_api with the event_callback body and the retry fields', async () => {
    await connect();
    const result = await f.emu.event({ teamId: TEAM, event: { type: 'app_home_opened', user: LEADER, tab: 'home' }, retry: { num: 1, reason: 'http_timeout' } });
    expect(result.status).toBe(200);
    expect(app!.envelopes()[0]).toMatchObject({
      type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'http_timeout',
      payload: { type: 'event_callback', event_id: result.eventId, team_id: TEAM, event: { type: 'app_home_opened' } },
    });
  });

  it('routes each ack to its own envelope by envelope_id, whatever the order', async () => {
    await connect();
    app!.reply = (e) => ({ payload: { text: `for ${String(e.payload.text)}` }, delayMs: e.payload.text === 'first' ? 120 : 0 });
    const [first, second] = await Promise.all([
      f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'first' }),
      f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'second' }),
    ]);
    expect(first.body).toEqual({ text: 'for first' });
    expect(second.body).toEqual({ text: 'for second' });
    expect(f.emu.sockets.envelopes.map((r) => r.outcome)).toEqual(['acked', 'acked']);
  });

  it("never takes another app's ack", async () => {
    await connect();
    f.emu.addTeam({ id: 'T0OTHER001', name: 'Other', botToken: 'xoxb-other', botUserId: 'U0BOT00002', appId: 'A0OTHER001' });
    f.emu.addAppToken('T0OTHER001', 'xapp-1-A0OTHER001-1-secret');
    const other = await connectSocketApp(f.emu.url, 'xapp-1-A0OTHER001-1-secret');
    app!.reply = (e) => {
      other.ws.send(JSON.stringify({ envelope_id: e.envelope_id, payload: { text: 'not yours' } }));
      return { payload: { text: 'mine' }, delayMs: 50 };
    };
    expect((await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' })).body).toEqual({ text: 'mine' });
    await other.close();
  });

  it('fails an envelope nobody acks in time, as an HTTP timeout', async () => {
    await connect();
    app!.reply = () => ({ skip: true });
    const result = await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' });
    expect(result).toMatchObject({ status: 0, failure: 'operation_timeout' });
    // A late or stray ack changes nothing.
    app!.ws.send(JSON.stringify({ envelope_id: app!.envelopes()[0]!.envelope_id, payload: { text: 'late' } }));
    app!.ws.send(JSON.stringify({ envelope_id: 'not-an-envelope' }));
    await new Promise((r) => setTimeout(r, 50));
    expect(f.emu.sockets.envelopes).toMatchObject([{ outcome: 'timeout' }]);
    expect(f.emu.ephemerals(TEAM, LEADER)).toEqual([]);
  });

  it('cannot deliver when the app has no link open', async () => {
    expect(await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' })).toMatchObject({ failure: 'unreachable' });
  });
});

describe('disconnect', () => {
  it('asks the app to refresh, stops using that link, and closes it if the app does not', async () => {
    await connect();
    const [link] = f.emu.disconnectSockets({ closeAfterMs: 50 });
    await until(() => app!.received.length > 1);
    expect(app!.received.at(-1)).toMatchObject({ type: 'disconnect', reason: 'refresh_requested' });
    expect(await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' })).toMatchObject({ failure: 'unreachable' });
    await app!.closed;
    expect(f.emu.socketLinks()).toMatchObject([{ id: link!.id, disconnectReason: 'refresh_requested', closedBy: 'emulator' }]);
  });

  it('keeps a warned link in service', async () => {
    await connect();
    f.emu.disconnectSockets({ reason: 'warning' });
    expect(await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' })).toMatchObject({ status: 200 });
  });

  it('closes open links when the emulator closes', async () => {
    await connect();
    await f.emu.close();
    expect(await app!.closed).toBe(1006);
  });
});
