// This process's Prometheus registry and every series Grow exports (README "Metrics").
// One registry per process: the web role and the worker may run apart, and each serves
// its own /metrics. Series carry ids of kinds, surfaces and methods only, never people.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
// Event-loop lag, GC, heap, CPU, file descriptors: prom-client's standard process series.
collectDefaultMetrics({ register: registry });

/** A series on this registry: every metric below is made through one of these. */
const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Counter<L>({ name, help, labelNames, registers: [registry] });
const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) => new Gauge<L>({ name, help, labelNames, registers: [registry] });
const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
  new Histogram<L>({ name, help, labelNames, buckets, registers: [registry] });

export type AckSurface = 'command' | 'action' | 'view_submission' | 'event' | 'other';

export const ackSeconds = histogram('grow_slack_ack_seconds', 'Time from receiving a Slack request to acknowledging it, by surface (Slack gives up at 3 s).', ['surface'], [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5]);

export const deliveryLatenessSeconds = histogram('grow_delivery_lateness_seconds', 'sent_at minus due_at of each nudge sent, by kind.', ['kind'], [1, 5, 15, 60, 300, 900, 3600, 4 * 3600, 24 * 3600]);

export const nudgeSends = counter('grow_nudge_sends_total', 'Send attempts by outcome (sent, skipped, deferred, rate_limited, cancelled, failed) and reason.', ['outcome', 'reason']);

export const slackRateLimited = counter('grow_slack_rate_limited_total', 'Slack Web API calls refused with 429 (rate limited), by method.', ['method']);

export const slackErrors = counter('grow_slack_errors_total', 'Slack Web API calls that failed for any other reason, by method and error.', ['method', 'error']);

export const queueJobs = gauge('grow_queue_jobs', 'Jobs in each BullMQ queue by state, read at scrape time.', ['queue', 'state']);

export const supportSignposts = counter('grow_support_signposts_total', "Support signposts shown to a leader, by where their words were written (checkin, reflection, prep, moment, dm). No ids.", ['surface']);

export const nudgesOpen = gauge('grow_nudges_open', 'Nudges pending or being sent, read at scrape time.');

export const nudgesOverdue = gauge('grow_nudges_overdue', 'Open nudges more than five minutes past due, read at scrape time.');

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
