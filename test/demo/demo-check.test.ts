// The demo fails when Grow's messages would ping anyone, when Slack refused a call, or
// when an event the manifest does not subscribe to was driven; it passes otherwise.
import { afterEach, describe, expect, it } from 'vitest';
import { COACH, LEADER, startFixture, TEAM, type Fixture } from '../emulator/fixtures.js';
import { checkDemo } from './demo-check.js';

let f: Fixture | undefined;
afterEach(async () => {
  await f?.emu.close();
  f = undefined;
});

describe('the demo’s closing check', () => {
  it('passes when Grow sent quiet messages only', async () => {
    f = await startFixture();
    await f.client.chat.postMessage({ channel: LEADER, text: 'Your check-in is saved.' });
    expect(checkDemo(f.emu)).toEqual({ ok: true, problems: [] });
  });

  it('fails on a message that pings someone, naming who and where', async () => {
    f = await startFixture();
    await f.client.chat.postMessage({ channel: LEADER, text: `Heads up <!channel> and <@${COACH}>` });
    const verdict = checkDemo(f.emu);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([expect.stringContaining('pinged channel'), expect.stringContaining(`pinged ${COACH}`)]));
  });

  it('fails on a refused call and on an event Slack would never send', async () => {
    f = await startFixture({ appUrl: 'http://127.0.0.1:9/slack/events' });
    await f.client.chat.postMessage({ channel: 'C0NOWHERE', text: 'hello' }).catch(() => undefined);
    await f.emu.event({ teamId: TEAM, event: { type: 'reaction_added' } });
    const verdict = checkDemo(f.emu);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual(expect.arrayContaining([expect.stringContaining('refused: chat.postMessage'), 'event not subscribed in manifest.yml: reaction_added']));
  });

  it('fails on a planned time the story told out of order', async () => {
    f = await startFixture();
    const verdict = checkDemo(f.emu, ['out of order: a message to Cora planned for Mon 30 Nov 09:00 Europe/London, after one planned for Mon 7 Dec 10:00 America/New_York']);
    expect(verdict).toEqual({ ok: false, problems: [expect.stringContaining('out of order: a message to Cora')] });
  });
});
