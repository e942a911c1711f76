// The operators' pages: refused without the admin token; with it, Bull Board over Grow's
// queues (read-only unless ADMIN_WRITE) and the latest failed nudges with their reasons.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue as QueueClass } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudges } from '../../db/schema/index.js';
import type { Queue } from 'bullmq';
import { closeQueueViews, openQueueViews } from '../../jobs/queue-views.js';
import { createAdminRoutes } from '../../src/http/admin/admin-routes.js';
import { createHttpServer } from '../../src/http/server.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../support/redis.js';

const TOKEN = 'admin-token-for-tests-0123456789';
const prefix = uniqueQueuePrefix('admin');
let t: TestDatabase;
let redis: Redis;
const servers: Server[] = [];
let views: Queue[];

async function serve(adminWrite: boolean): Promise<string> {
  const admin = createAdminRoutes({ adminToken: TOKEN, adminWrite, db: t.db, queues: views });
  const server = createHttpServer({ logger: pino({ level: 'silent' }), readiness: {}, admin });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let base: string;
const bearer = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  t = await createTestDatabase();
  redis = new Redis(sharedRedisUrl, { maxRetriesPerRequest: null });
  views = openQueueViews(redis, prefix);
  base = await serve(false);
});
afterAll(async () => {
  for (const server of servers) await new Promise<void>((done) => server.close(() => done()));
  await closeQueueViews(views);
  redis.disconnect();
  await clearQueuePrefix(sharedRedisUrl, prefix);
  await t.drop();
});

type BoardQueue = { name: string; readOnlyMode: boolean; counts: Record<string, number> };
const boardQueues = async (url: string, headers: Record<string, string>) =>
  ((await (await fetch(`${url}/admin/queues/api/queues`, { headers })).json()) as { queues: BoardQueue[] }).queues;

describe('/admin', () => {
  it('refuses every admin page without the right token', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/nudges']) {
      expect((await fetch(`${base}${path}`)).status).toBe(401);
      expect((await fetch(`${base}${path}`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
      expect((await fetch(`${base}${path}`, { headers: { cookie: 'grow_admin=forged' } })).status).toBe(401);
    }
  });

  it('serves Bull Board with the token, over every Grow queue', async () => {
    const page = await fetch(`${base}/admin/queues`, { headers: bearer });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const queue = new QueueClass('send-nudge', { connection: redis, prefix });
    await queue.add('send-nudge', { nudgeId: 'n1', teamId: 'T1' } as never, { delay: 60_000 });
    await queue.close();
    const queues = await boardQueues(base, bearer);
    expect(queues.map((q) => q.name).sort()).toEqual(['apply-retention', 'plan-coach-nudges', 'reconcile', 'refresh-time-zones', 'send-nudge']);
    expect(queues.find((q) => q.name === 'send-nudge')?.counts.delayed).toBe(1);
  });

  it('is read-only by default and writable with ADMIN_WRITE', async () => {
    expect((await boardQueues(base, bearer)).every((q) => q.readOnlyMode)).toBe(true);
    const writable = await serve(true);
    expect((await boardQueues(writable, bearer)).every((q) => !q.readOnlyMode)).toBe(true);
  });

  it('lets a browser in through the login form with a signed cookie', async () => {
    expect((await fetch(`${base}/admin/login`, { method: 'POST', body: new URLSearchParams({ token: 'wrong-token-0123456789' }) })).status).toBe(401);
    const login = await fetch(`${base}/admin/login`, { method: 'POST', body: new URLSearchParams({ token: TOKEN }), redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0]!;
    expect((await fetch(`${base}/admin/queues`, { headers: { cookie: session } })).status).toBe(200);
  });

  it('lists failed nudges with reasons at /admin/nudges, without free text', async () => {
    await t.db.insert(nudges).values({ teamId: 'T1', recipientId: 'U1', kind: 'follow_up', dedupeKey: 'f1', dueAt: new Date(), status: 'failed', reason: 'user_not_found', attempts: 1 });
    const res = await fetch(`${base}/admin/nudges`, { headers: bearer });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { failedNudges: Record<string, unknown>[] };
    expect(body.failedNudges).toEqual([expect.objectContaining({ kind: 'follow_up', reason: 'user_not_found', attempts: 1 })]);
    expect(Object.keys(body.failedNudges[0]!).sort()).toEqual(['attempts', 'id', 'kind', 'reason', 'teamId', 'updatedAt']);
  });
});
