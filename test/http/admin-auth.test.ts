// The admin token check is constant time: timingSafeEqual over equal-length digests, for
// right, wrong and wrong-length tokens alike.
import { describe, expect, it, vi } from 'vitest';
import { secretsMatch, sessionCookieValue } from '../../src/http/admin/admin-auth.js';

const spy = vi.hoisted(() => ({ calls: [] as [Buffer, Buffer][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return {
    ...real,
    timingSafeEqual: (a: Buffer, b: Buffer) => {
      spy.calls.push([a, b]);
      return real.timingSafeEqual(a, b);
    },
  };
});

describe('secretsMatch', () => {
  it('accepts only the exact secret', () => {
    expect(secretsMatch('admin-token-0123456789', 'admin-token-0123456789')).toBe(true);
    expect(secretsMatch('admin-token-012345678X', 'admin-token-0123456789')).toBe(false);
    expect(secretsMatch('', 'admin-token-0123456789')).toBe(false);
    expect(secretsMatch('admin-token-0123456789-and-more', 'admin-token-0123456789')).toBe(false);
  });

  it('compares with timingSafeEqual on equal-length inputs, even when the lengths differ', () => {
    for (const given of ['x', 'admin-token-0123456789', 'a much longer guess than the real admin token is']) {
      spy.calls.length = 0;
      secretsMatch(given, 'admin-token-0123456789');
      expect(spy.calls).toHaveLength(1);
      const [a, b] = spy.calls[0]!;
      expect(a.length).toBe(32);
      expect(b.length).toBe(32);
    }
  });

  it('derives the session cookie from the token without revealing it', () => {
    const value = sessionCookieValue('admin-token-0123456789');
    expect(value).not.toContain('admin-token');
    expect(value).toBe(sessionCookieValue('admin-token-0123456789'));
    expect(value).not.toBe(sessionCookieValue('admin-token-0123456780'));
  });
});
