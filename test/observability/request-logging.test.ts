// Every log line written while a Slack request is handled carries the request id, the team
// id and the user id, and never what the person wrote; two requests never share an id.
import { createHmac } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer } from '../../src/http/server.js';
import { ListenerIds } from '../../src/slack/listened-ids.js';
import { SlackReceiver } from '../../src/http/slack-receiver.js';
import { createLogger, wantsPrettyLogs } from '../../src/logger.js';
import { withSlackRequest } from '../../src/observability/request-context.js';

const SECRET = 'request-log-secret';
const lines: Record<string, unknown>[] = [];
const logger = createLogger('info', {}, { destination: new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) }) });
let server: Server;
let base: string;

beforeAll(async () => {
  const listeners = new ListenerIds();
  listeners.commands.note('/grow', 'command');
  const receiver = new SlackReceiver({ signingSecret: SECRET, logger, listeners });
  receiver.init({
    processEvent: async (event: { ack: () => Promise<void> }) => {
      logger.info('listener started');
      await event.ack();
      await new Promise((r) => setTimeout(r, 20));
      logger.info({ step: 'after-ack' }, 'listener finished');
    },
  } as never);
  server = createHttpServer({ logger, receiver, readiness: {} });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function postCommand(team: string, user: string, text: string): Promise<Response> {
  const body = new URLSearchParams({ command: '/grow', team_id: team, user_id: user, channel_id: 'D1', text }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return fetch(`${base}/slack/events`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature },
  });
}

describe('request logging', () => {
  it('binds request, team and user ids to every line of a request, after the ack too', async () => {
    lines.length = 0;
    const [a, b] = await Promise.all([postCommand('T0AAAA0001', 'U0AAAA0001', 'my private goal'), postCommand('T0BBBB0001', 'U0BBBB0001', 'another secret')]);
    await new Promise((r) => setTimeout(r, 100));
    const byTeam = (team: string) => lines.filter((l) => l.teamId === team);
    expect(byTeam('T0AAAA0001').map((l) => l.msg)).toEqual(['listener started', 'listener finished']);
    expect(byTeam('T0BBBB0001').map((l) => l.msg)).toEqual(['listener started', 'listener finished']);
    for (const line of byTeam('T0AAAA0001')) expect(line).toMatchObject({ userId: 'U0AAAA0001', requestId: a!.headers.get('x-request-id') });
    for (const line of byTeam('T0BBBB0001')) expect(line).toMatchObject({ userId: 'U0BBBB0001', requestId: b!.headers.get('x-request-id') });
    expect(a!.headers.get('x-request-id')).not.toBe(b!.headers.get('x-request-id'));
    expect(JSON.stringify(lines)).not.toMatch(/private goal|another secret/);
  });

  it('binds the ids of an event that arrives without an HTTP request (Socket Mode)', async () => {
    lines.length = 0;
    const body = { type: 'event_callback', team_id: 'T0SOCK0001', event: { type: 'app_home_opened', user: 'U0SOCK0001' } };
    await withSlackRequest(body, async () => {
      await new Promise((r) => setTimeout(r, 5));
      logger.info('home opened');
    });
    expect(lines[0]).toMatchObject({ msg: 'home opened', teamId: 'T0SOCK0001', userId: 'U0SOCK0001', requestId: expect.any(String) });
  });

  it('logs outside a request carry no request ids', () => {
    lines.length = 0;
    logger.info('between requests');
    expect(lines[0]).not.toHaveProperty('requestId');
    expect(lines[0]).not.toHaveProperty('teamId');
  });

  it('pretty-prints only in development on a terminal', () => {
    expect(wantsPrettyLogs('development', true)).toBe(true);
    expect(wantsPrettyLogs('development', false)).toBe(false);
    expect(wantsPrettyLogs('development', undefined)).toBe(false);
    expect(wantsPrettyLogs('production', true)).toBe(false);
    const out: string[] = [];
    const pretty = createLogger('info', {}, { pretty: true, destination: new Writable({ write: (c, _e, done) => (out.push(String(c)), done()) }) });
    pretty.info({ nudgeId: 'n1' }, 'hello');
    expect(out.join('')).toContain('hello');
    expect(() => JSON.parse(out.join(''))).toThrow();
  });
});
