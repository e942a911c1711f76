// A stand-in for a Socket Mode app in the emulator's own tests: opens a link with its
// app-level token, records every message Slack sends, and acks envelopes through a
// swappable handler (or leaves them unacked).

import { WebClient } from '@slack/web-api';
import { WebSocket } from 'ws';
import type { Json } from '../state-types.js';
import type { Envelope } from './envelopes.js';

export interface SocketReply {
  /** Leave the envelope unacknowledged. */
  skip?: boolean;
  payload?: unknown;
  delayMs?: number;
}

export interface FakeSocketApp {
  url: string;
  ws: WebSocket;
  /** Every message from Slack, hello and disconnect included, parsed. */
  received: Json[];
  envelopes(): Envelope[];
  reply: (envelope: Envelope) => SocketReply | Promise<SocketReply>;
  /** Resolves once the link is closed, by either side. */
  closed: Promise<number>;
  close(): Promise<void>;
}

export async function openSocketUrl(apiUrl: string, appToken: string): Promise<string> {
  const client = new WebClient(undefined, { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, headers: { Authorization: `Bearer ${appToken}` } });
  const answer = await client.apps.connections.open();
  return answer.url!;
}

export async function connectSocketApp(apiUrl: string, appToken: string): Promise<FakeSocketApp> {
  const url = await openSocketUrl(apiUrl, appToken);
  const ws = new WebSocket(url);
  const received: Json[] = [];
  const app: FakeSocketApp = {
    url, ws, received,
    envelopes: () => received.filter((m) => typeof m.envelope_id === 'string') as unknown as Envelope[],
    reply: () => ({}),
    closed: new Promise((resolve) => ws.once('close', (code) => resolve(code))),
    close: async () => {
      if (ws.readyState !== WebSocket.CLOSED) ws.close(1000);
      await app.closed;
    },
  };
  const hello = new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Json;
      received.push(message);
      if (message.type === 'hello') resolve();
      if (typeof message.envelope_id === 'string') void answer(app, message as unknown as Envelope);
    });
  });
  await hello;
  return app;
}

async function answer(app: FakeSocketApp, envelope: Envelope): Promise<void> {
  const reply = await app.reply(envelope);
  if (reply.skip) return;
  if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
  const ack = reply.payload === undefined ? { envelope_id: envelope.envelope_id } : { envelope_id: envelope.envelope_id, payload: reply.payload };
  if (app.ws.readyState === WebSocket.OPEN) app.ws.send(JSON.stringify(ack));
}
