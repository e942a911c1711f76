// Slack's request signing: v0=hex(HMAC-SHA256(secret, "v0:<timestamp>:<raw body>")).

import { createHmac, timingSafeEqual } from 'node:crypto';

export function signRequest(secret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

/** What a receiving app does; used by the emulator's tests and handy for local tools. */
export function verifyRequest(secret: string, timestamp: string, rawBody: string, signature: string): boolean {
  const expected = Buffer.from(signRequest(secret, Number(timestamp), rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
