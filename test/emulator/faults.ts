// Fault injection: a seeded fraction of 5xx answers, 429 storms, slow answers and reset
// connections, optionally limited to some methods. A fault can strike before Slack acts
// (nothing happened) or after (Slack acted but the answer was lost), the case that tests
// idempotent delivery.

import type { Clock } from './clock.js';

export interface FaultRule {
  /** Methods the rule applies to; all methods when omitted. */
  methods?: string[];
  /** Fraction (0..1) of calls answered with a 5xx. */
  serverErrorRate?: number;
  serverErrorStatus?: number;
  /** Fraction (0..1) of calls whose connection is destroyed without an answer. */
  resetRate?: number;
  /** Added latency for every matching call. */
  delayMs?: number;
  /** Every matching call is answered 429 for this long after the rule is set. */
  rateLimitStorm?: { seconds: number; retryAfter?: number };
  /** Whether 5xx/reset strike before the method runs (default) or after it changed state. */
  when?: 'before' | 'after';
}

export interface FaultOptions {
  rules: FaultRule[];
  seed?: number;
}

export type FaultOutcome =
  | { kind: 'server_error'; status: number; when: 'before' | 'after' }
  | { kind: 'reset'; when: 'before' | 'after' }
  | { kind: 'ratelimited'; retryAfter: number };

export interface FaultDecision {
  delayMs: number;
  outcome?: FaultOutcome;
}

interface ActiveRule { rule: FaultRule; setAt: number }

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private random: () => number = mulberry32(1);

  constructor(private readonly now: Clock, initial?: FaultOptions | FaultRule | FaultRule[]) {
    if (initial) this.set(initial);
  }

  set(faults: FaultOptions | FaultRule | FaultRule[] | null): void {
    const options: FaultOptions = faults === null ? { rules: [] }
      : Array.isArray(faults) ? { rules: faults }
        : 'rules' in faults ? faults : { rules: [faults] };
    const at = this.now();
    this.rules = options.rules.map((rule) => ({ rule, setAt: at }));
    this.random = mulberry32(options.seed ?? 1);
  }

  decide(method: string): FaultDecision {
    let delayMs = 0;
    let outcome: FaultOutcome | undefined;
    for (const { rule, setAt } of this.rules) {
      if (rule.methods && !rule.methods.includes(method)) continue;
      delayMs += rule.delayMs ?? 0;
      if (outcome) continue;
      const storm = rule.rateLimitStorm;
      if (storm && this.now() - setAt < storm.seconds * 1000) {
        const remaining = Math.ceil((setAt + storm.seconds * 1000 - this.now()) / 1000);
        outcome = { kind: 'ratelimited', retryAfter: storm.retryAfter ?? Math.max(1, remaining) };
        continue;
      }
      const when = rule.when ?? 'before';
      if (rule.resetRate && this.random() < rule.resetRate) outcome = { kind: 'reset', when };
      else if (rule.serverErrorRate && this.random() < rule.serverErrorRate) {
        outcome = { kind: 'server_error', status: rule.serverErrorStatus ?? 503, when };
      }
    }
    return outcome ? { delayMs, outcome } : { delayMs };
  }
}

/** Small seeded PRNG so a fault sequence repeats exactly for a given seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
