// Each series on /metrics moves when its event happens: sends by outcome and reason,
// delivery lateness, Slack 429s and errors by method, ack time by surface, queue depth,
// open and overdue nudges.
import { createHmac } from 'node:crypto';
import type { Metric } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nudges } from '../../db/schema/index.js';
import { createMetrics } from '../../src/http/metrics.js';
import { ListenerIds } from '../../src/slack/listened-ids.js';
import { SlackReceiver } from '../../src/http/slack-receiver.js';
import { createLogger } from '../../src/logger.js';
import {
  ackSeconds, deliveryLatenessSeconds, nudgeSends, queueJobs, registry, slackErrors, slackRateLimited,
} from '../../src/observability/metrics.js';
import { insertNudges, nudgeRow, seedLeader, startDeliveryFixture, TEAM, waitFor, type DeliveryFixture } from '../jobs/support/delivery-fixture.js';

/** The current value of one series (a histogram's `_count` when `suffix` says so). */
async function valueOf(metric: Metric, labels: Record<string, string>, suffix = ''): Promise<number> {
  const { values } = await metric.get();
  const match = values.find(
    (v) => (suffix === '' || (v as { metricName?: string }).metricName?.endsWith(suffix)) && Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want),
  );
  return match?.value ?? 0;
}

describe('metric series', () => {
  let f: DeliveryFixture;
  beforeAll(async () => {
    f = await startDeliveryFixture({ sendRetry: { attempts: 3, backoffMs: 300 } });
    await f.startWorker();
  });
  afterEach(() => f.emu.setFaults(null));
  afterAll(async () => f?.close());

  it('a sent nudge counts as sent and its lateness is observed under its kind', async () => {
    const sentBefore = await valueOf(nudgeSends, { outcome: 'sent', reason: '' });
    const latenessBefore = await valueOf(deliveryLatenessSeconds, { kind: 'session_prep' }, '_count');
    const leader = await seedLeader(f, 'U0METRIC01');
    const [id] = await insertNudges(f, leader, 1, { dueAt: new Date(Date.now() - 120_000) });
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 8_000, 'sent');
    expect(await valueOf(nudgeSends, { outcome: 'sent', reason: '' })).toBe(sentBefore + 1);
    expect(await valueOf(deliveryLatenessSeconds, { kind: 'session_prep' }, '_count')).toBe(latenessBefore + 1);
    // Two minutes late at least: not in the buckets below a minute.
    expect(await valueOf(deliveryLatenessSeconds, { kind: 'session_prep', le: '60' }, '_bucket')).toBe(0);
  });

  it('a 429 counts per method and as a rate-limited send', async () => {
    const limitedBefore = await valueOf(slackRateLimited, { method: 'chat.postMessage' });
    const sendsBefore = await valueOf(nudgeSends, { outcome: 'rate_limited' });
    const leader = await seedLeader(f, 'U0METRIC02');
    const [id] = await insertNudges(f, leader, 1);
    f.emu.setFaults({ methods: ['chat.postMessage'], rateLimitStorm: { seconds: 2, retryAfter: 1 } });
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).reason === 'rate_limited', 5_000, 'rate limited');
    expect(await valueOf(slackRateLimited, { method: 'chat.postMessage' })).toBeGreaterThan(limitedBefore);
    expect(await valueOf(nudgeSends, { outcome: 'rate_limited' })).toBeGreaterThan(sendsBefore);
    // Delivered once the storm passes, so it cannot meet the next test's faults.
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 15_000, 'sent after the storm');
  });

  it('a Slack error counts per method and error, and the failed send by reason', async () => {
    const errorsBefore = await valueOf(slackErrors, { method: 'chat.postMessage', error: 'http_503' });
    const failedBefore = await valueOf(nudgeSends, { outcome: 'failed', reason: 'http_503' });
    const leader = await seedLeader(f, 'U0METRIC03');
    const [id] = await insertNudges(f, leader, 1);
    f.emu.setFaults({ methods: ['chat.postMessage'], serverErrorRate: 1, serverErrorStatus: 503 });
    await f.reconcile();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'failed', 10_000, 'failed');
    expect(await valueOf(slackErrors, { method: 'chat.postMessage', error: 'http_503' })).toBeGreaterThanOrEqual(errorsBefore + 3);
    expect(await valueOf(nudgeSends, { outcome: 'failed', reason: 'http_503' })).toBe(failedBefore + 1);
    expect(await valueOf(nudgeSends, { outcome: 'retried', reason: 'http_503' })).toBeGreaterThanOrEqual(2);
  });

  it('open and overdue nudges and queue depth are read at scrape time', async () => {
    const scrape = createMetrics({ db: f.db.db, queues: [f.queues.sendNudge] });
    const before = await scrape();
    const open = (text: string, name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1]);
    await f.db.db.insert(nudges).values([
      { teamId: TEAM, recipientId: 'U0GAUGE001', kind: 'follow_up', dedupeKey: 'g-overdue', dueAt: new Date(Date.now() - 3_600_000) },
      { teamId: TEAM, recipientId: 'U0GAUGE001', kind: 'follow_up', dedupeKey: 'g-later', dueAt: new Date(Date.now() + 3_600_000) },
      { teamId: TEAM, recipientId: 'U0GAUGE001', kind: 'follow_up', dedupeKey: 'g-sent', dueAt: new Date(Date.now() - 3_600_000), status: 'sent' },
    ]);
    await f.queues.sendNudge.add('send-nudge', { nudgeId: '00000000-0000-4000-8000-000000000001', teamId: TEAM }, { delay: 3_600_000, jobId: 'metrics-depth' });
    const after = await scrape();
    expect(open(after, 'grow_nudges_open')).toBe(open(before, 'grow_nudges_open') + 2);
    expect(open(after, 'grow_nudges_overdue')).toBe(open(before, 'grow_nudges_overdue') + 1);
    expect(await valueOf(queueJobs, { queue: 'send-nudge', state: 'delayed' })).toBeGreaterThanOrEqual(1);
    expect(after).toContain('nodejs_eventloop_lag_seconds');
    expect(after).toContain('nodejs_heap_size_used_bytes');
    await f.queues.sendNudge.remove('metrics-depth');
  });
});

describe('ack time', () => {
  it('is observed per surface when a listener acknowledges', async () => {
    const listeners = new ListenerIds();
    listeners.actions.note('done', 'action_id');
    listeners.callbacks.note('grow_checkin', 'callback_id');
    listeners.commands.note('/grow', 'command');
    listeners.events.note('app_home_opened', 'type');
    const receiver = new SlackReceiver({ signingSecret: 'ack-secret', logger: createLogger('silent'), listeners });
    receiver.init({ processEvent: async (event: { ack: () => Promise<void> }) => event.ack() } as never);
    const surfaces = {
      command: `command=%2Fgrow&text=&team_id=${TEAM}&user_id=U1&channel_id=D1`,
      action: `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', team: { id: TEAM }, user: { id: 'U1' }, actions: [{ action_id: 'done', type: 'button' }] }))}`,
      view_submission: `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', team: { id: TEAM }, user: { id: 'U1' }, view: { id: 'V1', type: 'modal', callback_id: 'grow_checkin' } }))}`,
      event: JSON.stringify({ type: 'event_callback', team_id: TEAM, event: { type: 'app_home_opened', user: 'U1' } }),
    };
    for (const [surface, body] of Object.entries(surfaces)) {
      const before = await valueOf(ackSeconds, { surface }, '_count');
      const ts = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac('sha256', 'ack-secret').update(`v0:${ts}:${body}`).digest('hex')}`;
      const type = surface === 'event' ? 'application/json' : 'application/x-www-form-urlencoded';
      const req = { headers: { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature, 'content-type': type } };
      const res = { headersSent: false, writeHead() { this.headersSent = true; return this; }, end() {} };
      await receiver.handle(req as never, res as never, body);
      expect(await valueOf(ackSeconds, { surface }, '_count'), surface).toBe(before + 1);
    }
    expect(await registry.metrics()).toContain('grow_slack_ack_seconds_bucket{le="0.01",surface="command"}');
  });
});
