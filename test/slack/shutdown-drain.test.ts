// Closing the web role waits for listener work that runs after its ack, so the database is
// closed only once that work is done; a listener that never ends is left behind after the bound.
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '@slack/bolt';
import { FORM, interactionBody, LEADER, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { startWeb } from '../../src/web.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emu.close();
  await h?.db.drop();
  h = undefined;
});

function click(actionId: string) {
  return interactionBody({
    type: 'block_actions', team: { id: TEAM, domain: 'acme' }, user: { id: LEADER, username: 'leo', team_id: TEAM }, api_app_id: 'A0GROW0001',
    trigger_id: '1.2.3', container: { type: 'message', message_ts: '1.1', channel_id: 'D0LEADERDM' },
    actions: [{ type: 'button', action_id: actionId, block_id: 'probe', action_ts: '1' }],
  });
}

/** A listener that acks, then waits on the test before finishing its work. */
function slowListener(events: string[]) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const register = (app: App) =>
    app.action('drain_probe', async ({ ack }) => {
      await ack();
      events.push('acked');
      await gate;
      events.push('work done');
    });
  return { register, release };
}

describe('graceful shutdown of the web role', () => {
  it('waits for acked listener work before close() returns', async () => {
    const events: string[] = [];
    const probe = slowListener(events);
    h = await startHarness({ extensions: { register: [probe.register] } });
    expect((await h.post(click('drain_probe'), FORM)).status).toBe(200);
    await waitFor(() => events.includes('acked'));
    const closing = h.web.close().then(() => events.push('closed'));
    // The HTTP server has let go of its connections by now; only the listener holds close().
    await new Promise((r) => setTimeout(r, 300));
    expect(events).not.toContain('closed');
    probe.release();
    await closing;
    expect(events).toEqual(['acked', 'work done', 'closed']);
  });

  it('gives up on listener work that outlives the bound', async () => {
    const events: string[] = [];
    const probe = slowListener(events);
    h = await startHarness();
    const web = await startWeb({ deps: h.deps, port: 0, drainMs: 200, extensions: { register: [probe.register] }, readiness: {} });
    await h.web.close();
    h.emu.appUrl = `http://127.0.0.1:${web.port}/slack/events`;
    const body = click('drain_probe');
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { signBody } = await import('../../src/http/verify-signature.js');
    const response = await fetch(`http://127.0.0.1:${web.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signBody(h.config.slack.signingSecret!, timestamp, body) },
      body,
    });
    expect(response.status).toBe(200);
    await waitFor(() => events.includes('acked'));
    await web.close();
    expect(events).toEqual(['acked']);
    probe.release();
    await waitFor(() => events.includes('work done'));
  });
});
