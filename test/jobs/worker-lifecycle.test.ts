// The worker process around the jobs: it registers its schedulers, closes gracefully
// (a send in flight is finished and recorded, not abandoned), and says in one line what
// to do when Redis is not there.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, pingRedis } from '../../jobs/redis.js';
import { DomainError } from '../../src/domain/errors.js';
import { insertNudges, nudgeRow, seedLeader, sleep, startDeliveryFixture, waitFor, type DeliveryFixture } from './support/delivery-fixture.js';

describe('the worker', () => {
  let f: DeliveryFixture;
  beforeAll(async () => {
    f = await startDeliveryFixture();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('schedules the time-zone refresh in Redis and runs the reconciler from the process', async () => {
    // A reconcile scheduler left in Redis by an earlier version is removed, not doubled.
    await f.queues.reconcile.upsertJobScheduler('reconcile', { every: 60_000 }, { name: 'reconcile', data: {} });
    const worker = await f.startWorker();
    const schedulers = await Promise.all([worker.queues.reconcile.getJobSchedulers(), worker.queues.refreshTimeZones.getJobSchedulers()]);
    expect(schedulers[0]).toEqual([]);
    expect(schedulers[1].map((s) => s.key)).toEqual(['refresh-time-zones']);
    const leader = await seedLeader(f, 'U0KEEP0001');
    const [id] = await insertNudges(f, leader, 1);
    await worker.close();
    // No job queued it: the keeper's pass on the next start is what hands it over.
    const again = await f.startWorker();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'sent', 10_000, 'sent');
    await again.close();
  });

  it('on close, finishes the send in flight and records it', async () => {
    const leader = await seedLeader(f, 'U0CLOSE001');
    const [id] = await insertNudges(f, leader, 1);
    let posted = false;
    const worker = await f.startWorker({
      afterPost: async () => {
        posted = true;
        await sleep(500);
      },
    });
    await worker.reconcileNow();
    await waitFor(() => posted, 5_000, 'posted');
    await worker.close();
    expect((await nudgeRow(f, id!)).status).toBe('sent');
  });

  it('a workspace with no install fails its nudges at once instead of retrying', async () => {
    const leader = await seedLeader(f, 'U0NOINST01');
    const [id] = await insertNudges(f, leader, 1);
    const calls = f.emu.calls.length;
    const worker = await f.startWorker({
      resolveBotToken: async (teamId) => {
        throw new DomainError('not_found', `workspace ${teamId} has not installed Grow`);
      },
    });
    await worker.reconcileNow();
    await waitFor(async () => (await nudgeRow(f, id!)).status === 'failed', 5_000, 'failed');
    expect((await nudgeRow(f, id!)).reason).toBe('not_installed');
    expect(f.emu.calls.length).toBe(calls);
    await worker.close();
  });
});

describe('Redis unreachable', () => {
  it('is reported once, in one line that says how to start Redis, and fails the readiness ping', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const redis = connectRedis('redis://127.0.0.1:1', logger);
    await expect(pingRedis(redis, 300)).rejects.toThrow();
    await sleep(300);
    redis.disconnect();
    const errors = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toContain('redis-server');
    expect(errors[0]!.msg).toContain('apt-get install redis-server');
    expect(errors[0]!.msg).not.toContain('\n');
  });
});
