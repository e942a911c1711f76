// Identifier minting shaped like Slack's: prefixed upper-case ids, "seconds.micros" message
// timestamps that strictly increase, and dotted trigger ids. Deterministic per emulator
// instance so test failures reproduce.

import { randomBytes } from 'node:crypto';

export class IdMint {
  private counters = new Map<string, number>();
  private lastTsMicros = 0;

  /** e.g. next('D') → "D0000000001"; each prefix counts on its own. */
  next(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return prefix + n.toString(36).toUpperCase().padStart(10, '0');
  }

  /** Message timestamp for the current time; unique and increasing even within one ms. */
  ts(nowMs: number): string {
    let micros = Math.floor(nowMs) * 1000;
    if (micros <= this.lastTsMicros) micros = this.lastTsMicros + 100;
    this.lastTsMicros = micros;
    return formatTs(micros);
  }

  triggerId(nowMs: number): string {
    const n = this.next('trigger');
    return `${Math.floor(nowMs / 1000)}.${parseInt(n.slice(7), 36)}.${randomBytes(16).toString('hex')}`;
  }

  secret(prefix: string): string {
    return `${prefix}-${randomBytes(12).toString('hex')}`;
  }
}

export function formatTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
}

/** Compares two Slack ts strings numerically (string compare breaks on differing lengths). */
export function compareTs(a: string, b: string): number {
  const [as = '0', af = '0'] = a.split('.');
  const [bs = '0', bf = '0'] = b.split('.');
  return Number(as) - Number(bs) || Number(af.padEnd(6, '0')) - Number(bf.padEnd(6, '0'));
}
