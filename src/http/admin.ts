// GET /admin/queues, behind ADMIN_TOKEN: what each queue holds and the latest failed
// nudges with their reasons, as JSON for operators. Ids and reasons only, never free text.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Queue } from 'bullmq';
import { desc, eq } from 'drizzle-orm';
import type { Redis } from 'ioredis';
import type { Db } from '../../db/client.js';
import { nudges } from '../../db/schema/index.js';
import { COACH_PLAN_QUEUE } from '../../jobs/digest-schedule.js';
import { jobNames } from '../../jobs/job-types.js';
import type { RouteHandler } from './oauth.js';

export interface AdminDeps {
  adminToken?: string;
  db: Db;
  redis: Redis;
  queuePrefix: string;
}

export interface AdminRoutes {
  routes: Record<string, RouteHandler>;
  close(): Promise<void>;
}

export function createAdminRoutes(deps: AdminDeps): AdminRoutes {
  if (!deps.adminToken) return { routes: {}, close: async () => {} };
  const token = Buffer.from(`Bearer ${deps.adminToken}`);
  const queues = [...jobNames, COACH_PLAN_QUEUE].map((name) => new Queue(name, { connection: deps.redis, prefix: deps.queuePrefix }));
  const authorized = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === token.length && timingSafeEqual(given, token);
  };
  const handler: RouteHandler = async (req: IncomingMessage, res: ServerResponse) => {
    if (!authorized(req)) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end('{"error":"unauthorized"}');
      return;
    }
    const counts = await Promise.all(queues.map(async (q) => [q.name, await q.getJobCounts('waiting', 'delayed', 'active', 'failed')] as const));
    const failed = await deps.db
      .select({ id: nudges.id, teamId: nudges.teamId, kind: nudges.kind, reason: nudges.reason, attempts: nudges.attempts, updatedAt: nudges.updatedAt })
      .from(nudges)
      .where(eq(nudges.status, 'failed'))
      .orderBy(desc(nudges.updatedAt))
      .limit(20);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ queues: Object.fromEntries(counts), failedNudges: failed }));
  };
  return { routes: { '/admin/queues': handler }, close: () => Promise.all(queues.map((q) => q.close())).then(() => undefined) };
}
