// Slack's rate limits: per-method tiers (per workspace per app) and chat.postMessage's
// ~1 message per second per channel with a short burst, each as a token bucket on the
// injectable clock. Limited calls do not spend tokens, as in Slack.

import type { Clock } from './clock.js';
import type { MethodSpec } from './method-context.js';

export interface RateLimitOptions {
  enabled?: boolean;
  /** Scales every allowance: 0.1 makes Tier 4 ten calls a minute. Default 1. */
  factor?: number;
  /** Messages a channel may take back to back before the 1/s pace applies. Default 3. */
  postMessageBurst?: number;
  /** Per-method per-minute overrides, e.g. { 'users.info': 2 }. */
  perMinute?: Record<string, number>;
}

// Slack's published minimums for each tier, per minute.
export const TIER_PER_MINUTE: Record<1 | 2 | 3 | 4, number> = { 1: 1, 2: 20, 3: 50, 4: 100 };
// chat.postMessage's workspace-wide ceiling ("several hundred per minute").
const POST_MESSAGE_WORKSPACE_PER_MINUTE = 300;

interface Bucket { tokens: number; at: number }

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  private options: Required<Omit<RateLimitOptions, 'perMinute'>> & { perMinute: Record<string, number> };

  constructor(options: RateLimitOptions | undefined, private readonly now: Clock) {
    this.options = normalise(options);
  }

  configure(options: RateLimitOptions): void {
    this.options = normalise({ ...this.options, ...options });
    this.buckets.clear();
  }

  reset(): void {
    this.buckets.clear();
  }

  /** Seconds the caller must wait (Retry-After), or undefined when the call may proceed. */
  check(method: string, spec: MethodSpec, teamId: string, channel?: string): number | undefined {
    if (!this.options.enabled) return undefined;
    const { factor } = this.options;
    const checks: Array<{ key: string; capacity: number; perMs: number }> = [];
    const override = this.options.perMinute[method];
    if (spec.tier === 'post') {
      if (channel) {
        checks.push({ key: `${teamId}/${method}/${channel}`, capacity: this.options.postMessageBurst, perMs: factor / 1000 });
      }
      const perMinute = override ?? POST_MESSAGE_WORKSPACE_PER_MINUTE * factor;
      checks.push({ key: `${teamId}/${method}`, capacity: Math.max(1, perMinute), perMs: perMinute / 60_000 });
    } else {
      const perMinute = override ?? TIER_PER_MINUTE[spec.tier] * factor;
      checks.push({ key: `${teamId}/${method}`, capacity: Math.max(1, Math.round(perMinute)), perMs: perMinute / 60_000 });
    }
    const now = this.now();
    let wait = 0;
    const buckets = checks.map((c) => {
      const bucket = this.refill(c.key, c.capacity, c.perMs, now);
      if (bucket.tokens < 1) wait = Math.max(wait, (1 - bucket.tokens) / c.perMs);
      return bucket;
    });
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    for (const bucket of buckets) bucket.tokens -= 1;
    return undefined;
  }

  private refill(key: string, capacity: number, perMs: number, now: number): Bucket {
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    return bucket;
  }
}

function normalise(options: RateLimitOptions | undefined) {
  return {
    enabled: options?.enabled ?? true,
    factor: options?.factor ?? 1,
    postMessageBurst: Math.max(1, options?.postMessageBurst ?? 3),
    perMinute: options?.perMinute ?? {},
  };
}
