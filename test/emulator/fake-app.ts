// A stand-in for the app in the emulator's own tests: an HTTP server that checks Slack's
// signature on every request, records it, and answers through a swappable handler.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyRequest } from './driver/signing.js';

export interface ReceivedRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  contentType: string;
  signatureValid: boolean;
  /** Slash command fields, the interaction payload, or the event envelope. */
  parsed: Record<string, unknown>;
}

export interface AppReply {
  status?: number;
  body?: unknown;
  delayMs?: number;
}

export interface FakeApp {
  url: string;
  received: ReceivedRequest[];
  reply: (request: ReceivedRequest) => AppReply | Promise<AppReply>;
  close(): Promise<void>;
}

export async function startFakeApp(secret: string): Promise<FakeApp> {
  const app: Partial<FakeApp> & { received: ReceivedRequest[] } = { received: [], reply: () => ({}) };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const contentType = String(req.headers['content-type'] ?? '');
    const signatureValid = verifyRequest(secret, String(req.headers['x-slack-request-timestamp']), rawBody, String(req.headers['x-slack-signature']));
    const request: ReceivedRequest = { headers: req.headers, rawBody, contentType, signatureValid, parsed: parse(contentType, rawBody) };
    app.received.push(request);
    const reply = await (app.reply as FakeApp['reply'])(request);
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status ?? 200, typeof reply.body === 'object' ? { 'content-type': 'application/json' } : {});
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  app.url = `http://127.0.0.1:${port}/slack/events`;
  app.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return app as FakeApp;
}

function parse(contentType: string, raw: string): Record<string, unknown> {
  if (contentType.includes('json')) return JSON.parse(raw) as Record<string, unknown>;
  const form = Object.fromEntries(new URLSearchParams(raw));
  return typeof form.payload === 'string' ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
}
