// The operators' queue view: refused without the admin token, and with it, counts per
// queue and the latest failed nudges with their reasons.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudges } from '../../db/schema/index.js';
import { createAdminRoutes, type AdminRoutes } from '../../src/http/admin.js';
import { createHttpServer } from '../../src/http/server.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

const TOKEN = 'admin-token-for-tests-0123456789';
const prefix = uniqueQueuePrefix('admin');
let t: TestDatabase;
let redis: Redis;
let admin: AdminRoutes;
let server: Server;
let base: string;

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(sharedRedisUrl, { maxRetriesPerRequest: null });
  admin = createAdminRoutes({ adminToken: TOKEN, db: t.db, redis, queuePrefix: prefix });
  server = createHttpServer({ logger: pino({ level: 'silent' }), readiness: {}, getRoutes: admin.routes });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await admin.close();
  redis.disconnect();
  await clearQueuePrefix(sharedRedisUrl, prefix);
  await t.drop();
});

describe('/admin/queues', () => {
  it('refuses requests without the right bearer token', async () => {
    expect((await fetch(`${base}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${base}/admin/queues`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('shows job counts per queue and failed nudges with reasons, without free text', async () => {
    const queue = new Queue('send-nudge', { connection: redis, prefix });
    await queue.add('send-nudge', { nudgeId: 'n1', teamId: 'T1' } as never, { delay: 60_000 });
    await queue.close();
    await t.db.insert(nudges).values({ teamId: 'T1', recipientId: 'U1', kind: 'follow_up', dedupeKey: 'f1', dueAt: new Date(), status: 'failed', reason: 'user_not_found', attempts: 1 });
    const res = await fetch(`${base}/admin/queues`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { queues: Record<string, Record<string, number>>; failedNudges: Record<string, unknown>[] };
    expect(body.queues['send-nudge']).toMatchObject({ delayed: 1, failed: 0 });
    expect(Object.keys(body.queues)).toEqual(expect.arrayContaining(['send-nudge', 'reconcile', 'refresh-time-zones', 'plan-coach-nudges']));
    expect(body.failedNudges).toEqual([expect.objectContaining({ kind: 'follow_up', reason: 'user_not_found', attempts: 1 })]);
    expect(Object.keys(body.failedNudges[0]!).sort()).toEqual(['attempts', 'id', 'kind', 'reason', 'teamId', 'updatedAt']);
  });
});
