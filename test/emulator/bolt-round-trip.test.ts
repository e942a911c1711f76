// A real Bolt app against the emulator: Bolt verifies the emulator's signatures, acks, opens
// a modal with the trigger, validates a submission with response_action errors, and
// answers a button click through respond(). If this passes, Grow's listeners meet the same
// Slack in end-to-end tests.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_TOKEN, LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

const SECRET = 'bolt-signing-secret';
let f: Fixture;
let app: App;

beforeAll(async () => {
  f = await startFixture({ signingSecret: SECRET });
  app = new App({
    token: BOT_TOKEN, signingSecret: SECRET, logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: f.emu.url, retryConfig: { retries: 0 } },
  });
  app.command('/grow', async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: {
      type: 'modal', callback_id: 'grow_checkin', title: { type: 'plain_text', text: 'Check-in' },
      submit: { type: 'plain_text', text: 'Save' },
      blocks: [{ type: 'input', block_id: 'commitment', label: { type: 'plain_text', text: 'Commitment 1-10' },
        element: { type: 'plain_text_input', action_id: 'v' } }],
    } });
  });
  app.view('grow_checkin', async ({ ack, view, client, body }) => {
    const score = Number(view.state.values.commitment?.v?.value);
    if (score < 8) return ack({ response_action: 'errors', errors: { commitment: 'What would make it a 10?' } });
    await ack();
    await client.chat.postMessage({
      channel: body.user.id, text: 'Saved',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'done', text: { type: 'plain_text', text: 'Done' }, value: String(score) }] }],
    });
  });
  app.action('done', async ({ ack, respond, action }) => {
    await ack();
    await respond({ replace_original: true, text: `Done at ${(action as { value: string }).value}` });
  });
  const server = (await app.start(0)) as Server;
  f.emu.appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await app.stop();
  await f.emu.close();
});

describe('Bolt against the emulator', () => {
  it('runs a check-in from slash command to button click', async () => {
    const command = await f.emu.slashCommand({ teamId: TEAM, userId: LEADER, command: '/grow' });
    expect(command.status).toBe(200);
    // Bolt acks first and opens the modal afterwards, as a real app does.
    await expect.poll(() => f.emu.openViews(TEAM, LEADER).length).toBe(1);
    const [modal] = f.emu.openViews(TEAM, LEADER);
    expect(modal).toMatchObject({ callback_id: 'grow_checkin' });
    const viewId = (modal as { id: string }).id;

    const low = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: { commitment: '6' } });
    expect(low).toMatchObject({ outcome: 'errors', errors: { commitment: 'What would make it a 10?' } });

    const high = await f.emu.submitView({ teamId: TEAM, userId: LEADER, viewId, values: { commitment: '9' } });
    expect(high.outcome).toBe('closed');
    await expect.poll(() => f.emu.dmWith(TEAM, LEADER).length).toBe(1);

    const message = f.emu.dmWith(TEAM, LEADER)[0] as { channel: string; ts: string };
    await f.emu.clickButton({ teamId: TEAM, userId: LEADER, channelId: message.channel, ts: message.ts, actionId: 'done' });
    await expect.poll(() => f.emu.dmWith(TEAM, LEADER)[0]?.text).toBe('Done at 9');
    expect(f.emu.rejectedCalls()).toEqual([]);
  });
});
