// The OAuth `state` parameter: a nonce and an expiry, signed with SLACK_STATE_SECRET, so
// only an install Grow started (in the last ten minutes) can complete. As with Bolt's
// installer, the state is also set as a cookie on the browser that started the install and
// must come back from that browser, and it completes one install only.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { claimRequestKey } from '../../db/seen-requests.js';
import type { Db } from '../../db/client.js';

const COOKIE = 'grow_oauth_state';

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

export function stateCookie(state: string): string {
  return `${COOKIE}=${state}; Path=/slack; Max-Age=${TTL_MS / 1000}; HttpOnly; Secure; SameSite=Lax`;
}

export function clearedStateCookie(): string {
  return `${COOKIE}=; Path=/slack; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;
}

export function stateFromCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}

/**
 * True the first time a state is spent. Keys outlive the state's ten minutes (see
 * db/seen-requests.ts), so a spent state cannot be spent again before it expires.
 */
export function claimState(db: Db, state: string, now: Date): Promise<boolean> {
  return claimRequestKey(db, `oauth:${createHash('sha256').update(state).digest('base64url')}`, now);
}
