// The coach planner inside the worker: with renderers for digests and briefs it plans on
// its own schedule (the first run as it starts); without them it plans nothing, since
// no one could send what it planned.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, nudges } from '../../db/schema/index.js';
import { coachSubjects } from '../../jobs/coach-subjects.js';
import { startCoachPlanner } from '../../jobs/digest-schedule.js';
import { connectRedis } from '../../jobs/redis.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { clearQueuePrefix, sharedRedisUrl, uniqueQueuePrefix } from '../support/redis.js';
import { waitFor } from './support/delivery-fixture.js';

const TEAM = 'T0SCHED001';
const logger = createLogger('silent');
let db: TestDatabase;
const prefix = uniqueQueuePrefix('coachplan');
const connection = connectRedis(sharedRedisUrl, logger);

beforeAll(async () => {
  db = await createTestDatabase();
  await db.db.insert(engagements).values({ teamId: TEAM, coachId: 'U0COACHSCH', leaderId: 'U0LEADSCH1', status: 'active', startDate: '2026-02-02' });
});
afterAll(async () => {
  connection.disconnect();
  await clearQueuePrefix(sharedRedisUrl, prefix).catch(() => {});
  await db?.drop();
});

const digests = () => db.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.kind, 'digest')));

describe('coach planner in the worker', () => {
  it('plans nothing without renderers for digests and briefs', async () => {
    const planner = await startCoachPlanner({ subjects: {}, db: db.db, logger, connection, prefix, now: () => new Date() });
    await new Promise((r) => setTimeout(r, 300));
    await planner.close();
    expect(await digests()).toEqual([]);
  });

  it('plans as it starts, and again on demand without duplicating', async () => {
    const planner = await startCoachPlanner({ subjects: coachSubjects, db: db.db, logger, connection, prefix, now: () => new Date() });
    try {
      await waitFor(async () => (await digests()).length > 0, 10_000, 'first planned digest');
      const before = (await digests()).length;
      expect(await planner.planNow()).toEqual({ digests: 0, briefs: 0 });
      expect((await digests()).length).toBe(before);
      expect(new Set((await digests()).map((r) => r.recipientId))).toEqual(new Set(['U0COACHSCH']));
    } finally {
      await planner.close();
    }
  });
});
