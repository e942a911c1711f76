// The sponsor's two questions in the engagement's plan, on a real Postgres: nothing
// before the leader accepts, then the outcomes question once, in the sponsor's own
// working hours, and the change question when the closing review falls due; re-planning
// changes nothing, and an engagement ended early drops what was not yet sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { nudges, people } from '../../db/schema/index.js';
import { planSponsorAsks } from '../../src/domain/planner/index.js';
import { createEngagement } from '../../src/services/engagement.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { pulseWorld, type PulseWorld } from '../services/pulse-support.js';

const TEAM = 'T0SPONSOR1';
const [COACH, LEADER, SPONSOR] = ['U0COACH001', 'U0LEAD0001', 'U0SPON0001'];
const now = new Date('2026-03-02T09:00:00Z');

let database: TestDatabase;
let world: PulseWorld;
beforeAll(async () => {
  database = await createTestDatabase();
  world = pulseWorld(database, now);
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  await database.db.execute(sql`truncate engagements, nudges, people cascade`);
});

async function start(sponsor?: string) {
  const made = await createEngagement(world.ctx, {
    teamId: TEAM,
    coachId: COACH,
    values: { leader: LEADER, sponsor, startDate: '2026-03-10', sessionTime: '10:00', sessions: '6', cadence: '14', sessionLength: '60' },
    lookUpLeader: async (id) => ({ isBot: false, deleted: false, tz: id === SPONSOR ? 'Asia/Tokyo' : 'Europe/Berlin' }),
  });
  if (made.outcome !== 'created') throw new Error('not created');
  return made.engagement.id;
}
const sync = (engagementId: string) => syncEngagementPlan(database.db, { teamId: TEAM, engagementId, now });
const rows = (engagementId: string, kind: string) => database.db.select().from(nudges).where(and(eq(nudges.engagementId, engagementId), eq(nudges.kind, kind)));
const move = (engagementId: string, status: 'active' | 'ended') =>
  database.db.execute(sql`update engagements set status = ${status}, responded_at = coalesce(responded_at, ${now.toISOString()}::timestamptz) where id = ${engagementId}`);

describe('the sponsor in the engagement plan', () => {
  it('asks nothing of the sponsor while the leader has not accepted', async () => {
    const id = await start(SPONSOR);
    await sync(id);
    expect(await rows(id, 'sponsor_outcomes')).toEqual([]);
    expect(await rows(id, 'sponsor_change')).toEqual([]);
  });

  it('plans the outcomes question once after acceptance, in the sponsor’s hours, and the change question at the closing review', async () => {
    const id = await start(SPONSOR);
    await move(id, 'active');
    await sync(id);
    const [outcomes] = await rows(id, 'sponsor_outcomes');
    expect(outcomes).toMatchObject({ recipientId: SPONSOR, status: 'pending' });
    const [person] = await database.db.select().from(people).where(and(eq(people.teamId, TEAM), eq(people.userId, SPONSOR)));
    expect(person!.tz).toBe('Asia/Tokyo');
    const local = DateTime.fromJSDate(outcomes!.dueAt, { zone: 'Asia/Tokyo' });
    expect(local.hour * 60 + local.minute).toBeGreaterThanOrEqual(9 * 60);
    const [change] = await rows(id, 'sponsor_change');
    const [closing] = await rows(id, 'closing_review');
    expect(change!.recipientId).toBe(SPONSOR);
    expect(change!.dueAt.getTime()).toBeGreaterThanOrEqual(closing!.dueAt.getTime());
    const again = await sync(id);
    expect(again.inserted).toBe(0);
    expect((await rows(id, 'sponsor_outcomes'))[0]!.dueAt).toEqual(outcomes!.dueAt);
  });

  it('drops the questions not yet sent when the engagement ends early', async () => {
    const id = await start(SPONSOR);
    await move(id, 'active');
    await sync(id);
    await move(id, 'ended');
    await sync(id);
    expect((await rows(id, 'sponsor_change')).map((r) => r.status)).toEqual(['cancelled']);
    expect((await rows(id, 'sponsor_outcomes')).map((r) => r.status)).toEqual(['cancelled']);
  });

  it('plans nothing for an engagement without a sponsor', async () => {
    const id = await start();
    await move(id, 'active');
    await sync(id);
    expect(await rows(id, 'sponsor_outcomes')).toEqual([]);
    expect(planSponsorAsks({ engagement: { id, status: 'active', sponsorId: null, respondedAt: now }, sponsorHours: { tz: 'UTC', workDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1050 }, closingReviewAt: now })).toEqual([]);
  });
});
