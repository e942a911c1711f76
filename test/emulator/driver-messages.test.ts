// Replies the app gives to commands and clicks: acknowledgement bodies, response_url
// posts (ephemeral, replace_original, delete_original, expiry), selects and Home buttons.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeApp, type FakeApp } from './fake-app.js';
import { LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

const SECRET = 'test-signing-secret';
const plain = (text: string) => ({ type: 'plain_text' as const, text });
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

const followUp = async () => f.client.chat.postMessage({
  channel: LEADER, text: 'How did it go?',
  blocks: [
    { type: 'section', block_id: 'q', text: { type: 'mrkdwn', text: 'How did it go?' },
      accessory: { type: 'overflow', action_id: 'more', options: [{ text: plain('Snooze'), value: 'snooze' }] } },
    { type: 'actions', block_id: 'a', elements: [
      { type: 'button', action_id: 'done', text: plain('Done'), value: 'n-1' },
      { type: 'static_select', action_id: 'when', options: [{ text: plain('Tomorrow'), value: '1d' }, { text: plain('Next week'), value: '7d' }] },
    ] },
  ],
});

describe('command replies', () => {
  it('records a text or blocks acknowledgement as an ephemeral for the user', async () => {
    app.reply = () => ({ body: 'Grow helps you between sessions.' });
    await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'help' });
    app.reply = () => ({ body: { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*History*' } }], text: 'History' } });
    await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow', text: 'history' });
    expect(f.emu.ephemerals(TEAM, LEADER)).toMatchObject([
      { text: 'Grow helps you between sessions.', via: 'http_response' },
      { text: 'History', via: 'http_response', blocks: [{ type: 'section' }] },
    ]);
    expect(f.emu.dmWith(TEAM, LEADER)).toEqual([]);
  });

  it('reports an acknowledgement with invalid blocks, a timeout and an HTTP error as failures', async () => {
    app.reply = () => ({ body: { blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] } });
    expect((await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' })).failure).toBe('invalid_blocks');
    app.reply = () => ({ status: 500 });
    expect((await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' })).failure).toBe('http_error');
    expect(f.emu.ephemerals(TEAM, LEADER)).toEqual([]);
  });

  it('accepts up to five response_url posts within 30 minutes', async () => {
    const { responseUrl } = await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' });
    const post = () => fetch(responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'later' }) });
    for (let i = 0; i < 5; i++) expect((await post()).status).toBe(200);
    expect((await post()).status).toBe(404);
    const second = await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' });
    f.clock.advance(31 * 60_000);
    const late = await fetch(second.responseUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"x"}' });
    expect(await late.json()).toEqual({ ok: false, error: 'expired_url' });
  });
});

describe('clicks', () => {
  it('replaces or deletes the original message through response_url', async () => {
    const posted = await followUp();
    const click = await f.emu.clickButton({ teamId: TEAM, userId: LEADER, channelId: posted.channel as string, ts: posted.ts as string, actionId: 'done' });
    const replaced = await fetch(click.responseUrl as string, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ replace_original: true, text: 'Marked done. What helped?' }),
    });
    expect(replaced.status).toBe(200);
    expect(f.emu.dmWith(TEAM, LEADER)).toMatchObject([{ ts: posted.ts, text: 'Marked done. What helped?' }]);
    await fetch(click.responseUrl as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"delete_original":true}' });
    expect(f.emu.dmWith(TEAM, LEADER)).toEqual([]);
    expect(f.emu.responseUrlPosts).toHaveLength(2);
  });

  it('picks among buttons sharing an action_id by their value', async () => {
    const row = (id: string) => ({ type: 'actions', block_id: id, elements: [{ type: 'button', action_id: 'done', text: plain('Done'), value: id }] });
    const posted = await f.client.chat.postMessage({ channel: LEADER, text: 'Actions', blocks: [row('a-1'), row('a-2')] });
    const at = { teamId: TEAM, userId: LEADER, channelId: posted.channel as string, ts: posted.ts as string, actionId: 'done' };
    await f.emu.clickButton({ ...at, value: 'a-2' });
    expect(app.received[0]?.parsed).toMatchObject({ actions: [{ block_id: 'a-2', value: 'a-2' }] });
    await expect(f.emu.clickButton({ ...at, value: 'a-3' })).rejects.toThrow(/with value "a-3"/);
  });

  it('sends the chosen option for selects and overflow menus', async () => {
    const posted = await followUp();
    const at = { teamId: TEAM, userId: LEADER, channelId: posted.channel as string, ts: posted.ts as string };
    await f.emu.selectOption({ ...at, actionId: 'when', value: '7d' });
    await f.emu.selectOption({ ...at, actionId: 'more', value: 'snooze' });
    const actions = app.received.map((r) => (r.parsed.actions as unknown[])[0]);
    expect(actions).toMatchObject([
      { type: 'static_select', action_id: 'when', block_id: 'a', selected_option: { value: '7d', text: { text: 'Next week' } } },
      { type: 'overflow', action_id: 'more', block_id: 'q', selected_option: { value: 'snooze' } },
    ]);
    await expect(f.emu.selectOption({ ...at, actionId: 'when', value: 'never' })).rejects.toThrow(/not an option/);
    await expect(f.emu.clickButton({ ...at, actionId: 'missing' })).rejects.toThrow(/no element/);
  });

  it('clicks a Home tab button with the view as container', async () => {
    const home = await f.client.views.publish({ user_id: LEADER, view: {
      type: 'home', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'new_checkin', text: plain('Check in'), value: 'go' }] }],
    } });
    await f.emu.clickHomeButton({ teamId: TEAM, userId: LEADER, actionId: 'new_checkin' });
    expect(app.received[0]?.parsed).toMatchObject({
      type: 'block_actions', container: { type: 'view', view_id: home.view?.id }, view: { id: home.view?.id, type: 'home' },
      actions: [{ action_id: 'new_checkin', value: 'go', block_id: expect.any(String) }],
    });
  });
});
