import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createHttpServer } from '../../src/http/server.js';
import { signBody, verifySlackSignature } from '../../src/http/verify-signature.js';
import { createCipher } from '../../src/crypto.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function serve(readiness: Record<string, () => Promise<void>>): Promise<string> {
  server = createHttpServer({ logger: pino({ level: 'silent' }), readiness });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('readiness', () => {
  it('is 503 and names the unreachable dependency', async () => {
    const url = await serve({ postgres: async () => {}, redis: () => Promise.reject(new Error('ECONNREFUSED')) });
    const res = await fetch(`${url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not_ready', checks: { postgres: 'ok', redis: 'unreachable' } });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('has no Slack route without a receiver (Socket Mode) and 404s unknown paths', async () => {
    const url = await serve({});
    expect((await fetch(`${url}/slack/events`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect((await fetch(`${url}/nope`)).status).toBe(404);
  });
});

describe('Slack signature', () => {
  const base = { signingSecret: 'shh', rawBody: 'a=1', nowSeconds: 1_700_000_000 };
  it('accepts Slack’s HMAC and refuses tampering', () => {
    const signature = signBody('shh', 1_700_000_000, 'a=1');
    expect(verifySlackSignature({ ...base, timestamp: '1700000000', signature })).toEqual({ ok: true });
    expect(verifySlackSignature({ ...base, rawBody: 'a=2', timestamp: '1700000000', signature })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySlackSignature({ ...base, timestamp: '1700000000', signature: 'v0=short' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySlackSignature({ ...base, timestamp: 'abc', signature })).toEqual({ ok: false, reason: 'missing_headers' });
  });

  it('allows exactly five minutes of skew either way, and not a second more', () => {
    for (const skew of [-300, 300]) {
      const ts = String(1_700_000_000 + skew);
      expect(verifySlackSignature({ ...base, timestamp: ts, signature: signBody('shh', ts, 'a=1') }).ok).toBe(true);
    }
    for (const skew of [-301, 301]) {
      const ts = String(1_700_000_000 + skew);
      expect(verifySlackSignature({ ...base, timestamp: ts, signature: signBody('shh', ts, 'a=1') })).toEqual({ ok: false, reason: 'stale_timestamp' });
    }
  });
});

describe('encryption at rest', () => {
  it('round-trips, uses a fresh IV each time, and detects tampering', () => {
    const cipher = createCipher(Buffer.alloc(32, 1));
    const a = cipher.encrypt('my private reflection');
    expect(a).not.toContain('private');
    expect(cipher.encrypt('my private reflection')).not.toBe(a);
    expect(cipher.decrypt(a)).toBe('my private reflection');
    const parts = a.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() => createCipher(Buffer.alloc(32, 2)).decrypt(a)).toThrow();
  });
});
