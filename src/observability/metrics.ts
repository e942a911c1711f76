// This process's Prometheus registry and every series Grow exports (README "Metrics").
// One registry per process: the web role and the worker may run apart, and each serves
// its own /metrics. Series carry ids of kinds, surfaces and methods only, never people.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
// Event-loop lag, GC, heap, CPU, file descriptors: prom-client's standard process series.
collectDefaultMetrics({ register: registry });

export type AckSurface = 'command' | 'action' | 'view_submission' | 'event' | 'other';

export const ackSeconds = new Histogram({
  name: 'grow_slack_ack_seconds',
  help: 'Time from receiving a Slack request to acknowledging it, by surface (Slack gives up at 3 s).',
  labelNames: ['surface'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
  registers: [registry],
});

export const deliveryLatenessSeconds = new Histogram({
  name: 'grow_delivery_lateness_seconds',
  help: 'sent_at minus due_at of each nudge sent, by kind.',
  labelNames: ['kind'] as const,
  buckets: [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600],
  registers: [registry],
});

export const nudgeSends = new Counter({
  name: 'grow_nudge_sends_total',
  help: 'Send attempts by outcome (sent, skipped, deferred, rate_limited, cancelled, failed) and reason.',
  labelNames: ['outcome', 'reason'] as const,
  registers: [registry],
});

export const slackRateLimited = new Counter({
  name: 'grow_slack_rate_limited_total',
  help: 'Slack Web API calls refused with 429 (rate limited), by method.',
  labelNames: ['method'] as const,
  registers: [registry],
});

export const slackErrors = new Counter({
  name: 'grow_slack_errors_total',
  help: 'Slack Web API calls that failed for any other reason, by method and error.',
  labelNames: ['method', 'error'] as const,
  registers: [registry],
});

export const queueJobs = new Gauge({
  name: 'grow_queue_jobs',
  help: 'Jobs in each BullMQ queue by state, read at scrape time.',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const nudgesOpen = new Gauge({
  name: 'grow_nudges_open',
  help: 'Nudges pending or being sent, read at scrape time.',
  registers: [registry],
});

export const nudgesOverdue = new Gauge({
  name: 'grow_nudges_overdue',
  help: 'Open nudges more than five minutes past due, read at scrape time.',
  registers: [registry],
});

/** The outcome label of a send and why; reasons are fixed codes, never free text. */
export function countSend(outcome: string, reason = ''): void {
  nudgeSends.inc({ outcome, reason });
}

/** Which surface a Slack payload came from, for the ack histogram (HTTP and Socket Mode alike). */
export function surfaceOf(body: Record<string, unknown>): AckSurface {
  if (typeof body.command === 'string') return 'command';
  if (body.type === 'block_actions') return 'action';
  if (body.type === 'view_submission') return 'view_submission';
  if (body.type === 'event_callback') return 'event';
  return 'other';
}
