// Verifies that a request came from Slack: HMAC-SHA256 of "v0:{timestamp}:{body}" with
// the signing secret, and a timestamp within five minutes either side of now (replays
// of old requests and requests from the future are both refused).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_SKEW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing_headers' | 'stale_timestamp' | 'bad_signature' };

export interface SignedRequest {
  signingSecret: string;
  rawBody: string;
  timestamp: string | undefined;
  signature: string | undefined;
  nowSeconds: number;
}

export function signBody(signingSecret: string, timestamp: string | number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export function verifySlackSignature(req: SignedRequest): SignatureCheck {
  if (!req.timestamp || !req.signature || !/^\d+$/.test(req.timestamp)) return { ok: false, reason: 'missing_headers' };
  if (Math.abs(req.nowSeconds - Number(req.timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale_timestamp' };
  const expected = Buffer.from(signBody(req.signingSecret, req.timestamp, req.rawBody));
  const given = Buffer.from(req.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}
