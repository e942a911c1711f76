// The OAuth `state` parameter: a nonce and an expiry, signed with SLACK_STATE_SECRET, so
// only an install Grow started (in the last ten minutes) can complete.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const TTL_MS = 10 * 60 * 1000;

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueState(secret: string, now: Date): string {
  const payload = Buffer.from(JSON.stringify({ n: randomBytes(12).toString('base64url'), exp: now.getTime() + TTL_MS })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyState(secret: string, state: string | null, now: Date): boolean {
  const [payload, mac] = (state ?? '').split('.');
  if (!payload || !mac) return false;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' && exp > now.getTime();
  } catch {
    return false;
  }
}
