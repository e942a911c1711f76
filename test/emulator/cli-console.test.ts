// The developer console: commands reach the app as the chosen person and print what the
// app answered.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand, type ConsoleState } from './cli/console.js';
import { parseValues } from './cli/parse-values.js';
import { startFakeApp, type FakeApp } from './fake-app.js';
import { COACH, LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

let f: Fixture;
let app: FakeApp;
let out: string[];
let state: ConsoleState;
beforeEach(async () => {
  app = await startFakeApp('s');
  f = await startFixture({ signingSecret: 's', appUrl: app.url });
  out = [];
  state = { emu: f.emu, teamId: TEAM, people: { coach: COACH, leader: LEADER }, actor: LEADER, print: (t) => out.push(t) };
});
afterEach(async () => {
  await f.emu.close();
  await app.close();
});

describe('console', () => {
  it('runs a slash command as the current person and prints the ephemeral reply', async () => {
    app.reply = () => ({ body: { text: 'Here is how Grow works' } });
    await runCommand(state, '/grow help');
    expect(app.received[0]?.parsed).toMatchObject({ command: '/grow', text: 'help', user_id: LEADER });
    expect(out.join('\n')).toContain('(only you) Here is how Grow works');
    await runCommand(state, 'as coach');
    await runCommand(state, '/grow coach');
    expect(app.received[1]?.parsed).toMatchObject({ user_id: COACH });
  });

  it('clicks the newest DM message carrying the action', async () => {
    const blocks = (value: string) => [{ type: 'actions', elements: [{ type: 'button', action_id: 'done', text: { type: 'plain_text', text: 'Done' }, value }] }];
    await f.client.chat.postMessage({ channel: LEADER, text: 'old', blocks: blocks('old') });
    await f.client.chat.postMessage({ channel: LEADER, text: 'new', blocks: blocks('new') });
    await runCommand(state, 'click done');
    expect(app.received[0]?.parsed).toMatchObject({ actions: [{ action_id: 'done', value: 'new' }] });
    await runCommand(state, 'dm');
    expect(out.at(-1)).toContain('[Done](done)');
  });

  it('parses submit values, quoted and multiple', () => {
    expect(parseValues('goal="Speak up more" commitment=9 levels=self,comms')).toEqual({
      goal: 'Speak up more', commitment: '9', levels: ['self', 'comms'],
    });
  });

  it('quits on quit and explains unknown commands', async () => {
    expect(await runCommand(state, 'quit')).toBe('quit');
    await runCommand(state, 'dance');
    expect(out.at(-1)).toContain('unknown command');
  });
});
