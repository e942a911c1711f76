// Who may open the operators' pages (/admin/*): a request carrying ADMIN_TOKEN as a bearer
// token, or a browser holding the signed session cookie the login form hands out. Every
// comparison runs in constant time over fixed-length digests, so neither the content nor
// the length of a wrong token shows in how long a refusal takes.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const ADMIN_COOKIE = 'grow_admin';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * True when `given` equals `expected`. Both sides are hashed first, so timingSafeEqual
 * always compares 32 bytes and a wrong-length guess costs the same as a near miss.
 */
export function secretsMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** The cookie value for a logged-in browser: a MAC of a fixed label under the token, never the token. */
export function sessionCookieValue(adminToken: string): string {
  return createHmac('sha256', adminToken).update('grow-admin-session:v1').digest('base64url');
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function isAdmin(req: IncomingMessage, adminToken: string): boolean {
  const header = req.headers.authorization ?? '';
  // Both checks always run, so which credential was offered does not show either.
  const bearer = secretsMatch(header, `Bearer ${adminToken}`);
  const cookie = secretsMatch(readCookie(req, ADMIN_COOKIE) ?? '', sessionCookieValue(adminToken));
  return bearer || cookie;
}
