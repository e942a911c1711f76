// Unsigned callers cost almost nothing: refused from the headers, their connections
// closed, the body never read, and slow or idle connections capped by the server itself.
import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createHttpServer } from '../../src/http/server.js';
import { MAX_SLACK_BODY_BYTES } from '../../src/http/request-limits.js';
import type { SlackReceiver } from '../../src/http/slack-receiver.js';

let server: Server | undefined;
let sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets = [];
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A receiver that counts the bodies it is handed: none should reach it here. */
function countingReceiver() {
  const seen: string[] = [];
  const receiver = { handle: async (_req: unknown, res: { writeHead(s: number): { end(): void } }, raw: string) => { seen.push(raw); res.writeHead(200).end(); } };
  return { seen, receiver: receiver as unknown as SlackReceiver };
}

async function serve(receiver: SlackReceiver, limits?: Parameters<typeof createHttpServer>[0]['limits']): Promise<number> {
  server = createHttpServer({ logger: pino({ level: 'silent' }), readiness: {}, receiver, limits });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return (server.address() as AddressInfo).port;
}

/** Opens a raw connection, writes `head`, and resolves with what the server said before closing. */
function slowRequest(port: number, head: string): Promise<{ text: string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    let text = '';
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    socket.on('error', () => {});
    socket.on('data', (d) => (text += d.toString()));
    socket.once('connect', () => socket.write(head));
    socket.once('close', () => resolve({ text, closed }));
    socket.once('error', reject);
  });
}

const head = (headers: Record<string, string>) =>
  `POST /slack/events HTTP/1.1\r\nhost: x\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
const nowSec = () => Math.floor(Date.now() / 1000);

describe('requests refused before their body is read', () => {
  it('150 slow unsigned connections are each answered 401 from the headers and closed; nothing reaches the receiver', async () => {
    const { seen, receiver } = countingReceiver();
    const port = await serve(receiver);
    // Each announces a body it never sends; without the pre-check each would sit waiting.
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        slowRequest(port, head({ 'content-type': 'application/x-www-form-urlencoded', 'content-length': '5000', ...(i % 2 ? { 'x-slack-request-timestamp': String(nowSec() - 3600), 'x-slack-signature': 'v0=00' } : {}) })),
      ),
    );
    for (const r of results) expect(r.text).toMatch(/^HTTP\/1\.1 401/);
    expect(results.filter((r) => r.text.includes('stale_timestamp'))).toHaveLength(75);
    expect(results.filter((r) => r.text.includes('missing_signature'))).toHaveLength(75);
    const open = await new Promise<number>((r) => server!.getConnections((_e, n) => r(n)));
    expect(open).toBe(0);
    expect(seen).toHaveLength(0);
  });

  it('a fresh timestamp with an announced body over the limit is refused 413 and closed, unread', async () => {
    const { seen, receiver } = countingReceiver();
    const port = await serve(receiver);
    const r = await slowRequest(port, head({ 'x-slack-request-timestamp': String(nowSec()), 'x-slack-signature': 'v0=00', 'content-length': String(MAX_SLACK_BODY_BYTES + 1) }));
    expect(r.text).toMatch(/^HTTP\/1\.1 413/);
    const chunked = await slowRequest(port, head({ 'x-slack-request-timestamp': String(nowSec()), 'x-slack-signature': 'v0=00', 'transfer-encoding': 'chunked' }));
    expect(chunked.text).toMatch(/^HTTP\/1\.1 411/);
    expect(seen).toHaveLength(0);
  });

  it('a body of exactly the limit, sent in pieces, is read and handed on', async () => {
    const { seen, receiver } = countingReceiver();
    const port = await serve(receiver);
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    socket.on('error', () => {});
    const closed = new Promise<void>((r) => socket.once('close', () => r()));
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.write(head({ 'x-slack-request-timestamp': String(nowSec()), 'x-slack-signature': 'v0=00', 'content-length': String(MAX_SLACK_BODY_BYTES) }));
    socket.write('a'.repeat(MAX_SLACK_BODY_BYTES - 1));
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toHaveLength(0);
    socket.end('a');
    await closed;
    expect(text).toMatch(/^HTTP\/1\.1 200/);
    expect(seen).toHaveLength(1);
  });
});

describe('server limits', () => {
  it('sets request and header timeouts and a connection cap by default', async () => {
    await serve(countingReceiver().receiver);
    expect(server!.requestTimeout).toBeGreaterThan(0);
    expect(server!.headersTimeout).toBeGreaterThan(0);
    expect(server!.maxConnections).toBeGreaterThan(0);
    expect(server!.maxConnections).toBeLessThan(10_000);
  });

  it('closes connections beyond maxConnections at once, and idle header-less ones at headersTimeout', async () => {
    const port = await serve(countingReceiver().receiver, { requestTimeoutMs: 300, headersTimeoutMs: 200, maxConnections: 20 });
    const idle = Array.from({ length: 30 }, () => {
      const socket = connect(port, '127.0.0.1');
      sockets.push(socket);
      socket.on('error', () => {});
      return new Promise<string>((r) => {
        let text = '';
        socket.on('data', (d) => (text += d.toString()));
        socket.once('close', () => r(text));
      });
    });
    const answers = await Promise.all(idle);
    // Ten are dropped with no answer on arrival; the twenty admitted are timed out with 408.
    expect(answers.filter((t) => t === '')).toHaveLength(10);
    expect(answers.filter((t) => t.startsWith('HTTP/1.1 408'))).toHaveLength(20);
  });
});
