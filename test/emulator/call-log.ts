// The record of every Web API call the app made, for assertions: method, team, arguments
// (tokens removed), Slack's answer and when. `source` tells Slack refusals apart from
// rate limiting and from faults the test injected on purpose.

import type { Json } from './state-types.js';

export interface RecordedCall {
  method: string;
  teamId?: string;
  args: Json;
  ok: boolean;
  error?: string;
  status: number;
  at: number;
  source: 'slack' | 'ratelimit' | 'fault';
  /** The body Slack answered with (undefined for resets). */
  response?: Json;
}

const SECRET_ARGS = new Set(['token', 'client_secret']);
// Form-encoded clients send these as JSON strings; recording them parsed keeps assertions simple.
const JSON_ARGS = new Set(['blocks', 'view', 'metadata', 'attachments', 'files']);

export function redactArgs(args: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(args)) {
    if (SECRET_ARGS.has(key)) continue;
    out[key] = JSON_ARGS.has(key) && typeof value === 'string' ? parseOrKeep(value) : value;
  }
  return out;
}

function parseOrKeep(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

export class CallLog {
  readonly calls: RecordedCall[] = [];

  record(call: RecordedCall): void {
    this.calls.push(call);
  }

  to(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /**
   * Calls Slack refused. By default includes its own refusals and rate limiting but not
   * faults the test injected, so "nothing was rejected" stays assertable under chaos.
   */
  rejected(options: { includeRateLimited?: boolean; includeFaults?: boolean } = {}): RecordedCall[] {
    return this.calls.filter((c) => {
      if (c.ok) return false;
      if (c.source === 'fault') return options.includeFaults ?? false;
      if (c.source === 'ratelimit') return options.includeRateLimited ?? true;
      return true;
    });
  }

  clear(): void {
    this.calls.length = 0;
  }
}
