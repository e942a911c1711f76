// At LOG_LEVEL=debug Slack's Web API client narrates every call. A check-in run through
// the real app, and a DM sent through the worker's client, must leave no line carrying
// the leader's words or a token: only method, status and ids.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackClients } from '../../jobs/slack-client.js';
import { createLogger } from '../../src/logger.js';
import { FORM, interactionBody, LEADER, slashCommandBody, startHarness, TEAM, waitFor, type Harness } from '../support/app-harness.js';
import { checkInSubmission } from '../support/checkin-payloads.js';

const lines: string[] = [];
const sink = new Writable({
  write(chunk, _enc, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});
const logger = createLogger('debug', {}, { destination: sink });
const WORDS = { goal: 'Stop dreading the board meeting', reality: 'I freeze when Priya challenges me', options: 'Rehearse with Sam', will: 'Ask Priya for coffee before Thursday' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ logger });
});
afterAll(async () => h?.close());

function leaks(): string[] {
  const secrets = [...Object.values(WORDS), 'Priya', 'coffee', 'Thursday', 'dreading', 'Rehearse', 'xoxb-'];
  return lines.filter((line) => secrets.some((s) => line.includes(s)));
}

describe('debug logs', () => {
  it('a check-in at debug level logs Slack calls by method and status, never the words or the token', async () => {
    const opens = h.emu.callsTo('views.open').length;
    await h.post(slashCommandBody({ triggerId: h.emu.issueTrigger(TEAM, LEADER) }), FORM);
    const opened = await waitFor(() => h.emu.callsTo('views.open')[opens]);
    const view = (opened.response as { view: Parameters<typeof checkInSubmission>[0] }).view;
    const dms = h.emu.callsTo('chat.postMessage').length;
    const res = await h.post(interactionBody(checkInSubmission(view, { ...WORDS, commitment: 9, visibility: 'private' })), FORM);
    expect(res.status).toBe(200);
    await waitFor(() => h.emu.callsTo('chat.postMessage')[dms]);
    // The debug narration happened (so the search below searched something)…
    expect(lines.some((l) => l.includes('"method":"views.open"'))).toBe(true);
    expect(lines.some((l) => l.includes('"method":"chat.postMessage"'))).toBe(true);
    // …and carried none of what the leader wrote.
    expect(leaks()).toEqual([]);
  });

  it('the worker’s Slack client logs a DM by method and status only', async () => {
    const token = h.config.slack.botToken!;
    const clients = createSlackClients({ apiUrl: h.config.slack.apiUrl, resolveBotToken: async () => token, logger });
    const client = await clients.forTeam(TEAM);
    const from = lines.length;
    await client.chat.postMessage({ channel: LEADER, text: WORDS.will, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: WORDS.reality } }] });
    expect(lines.slice(from).some((l) => l.includes('"method":"chat.postMessage"'))).toBe(true);
    expect(leaks()).toEqual([]);
  });
});
