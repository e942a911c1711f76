// End to end on real Postgres, Redis and the Slack emulator: two events in an engagement
// reach the coach as one DM from the worker, naming the leader and what happened only.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachNotices, engagements, nudges, people } from '../../db/schema/index.js';
import { defaultRhythm } from '../../src/domain/planner/rhythm.js';
import { defaultWorkingHours } from '../../src/domain/time/working-hours.js';
import { tellCoach } from '../../src/services/coach-notices.js';
import type { ServiceContext } from '../../src/services/context.js';
import { COACH, seedLeader, startDeliveryFixture, TEAM, waitFor, type DeliveryFixture } from './support/delivery-fixture.js';

let f: DeliveryFixture;
beforeAll(async () => {
  f = await startDeliveryFixture();
  await f.db.db.insert(people).values({ teamId: TEAM, userId: COACH, tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 });
});
afterAll(async () => f?.close());

describe('coach notice delivery', () => {
  it('tells two events in one DM to the coach', async () => {
    const leader = await seedLeader(f, 'U0LEADNOTE');
    const [engagement] = await f.db.db.select().from(engagements).where(eq(engagements.id, leader.engagementId));
    const ctx = { db: f.db.db, cipher: f.cipher, logger: { info() {}, warn() {}, error() {}, debug() {} }, now: () => new Date(), rhythm: defaultRhythm, defaultWorkingHours } as unknown as ServiceContext;
    await tellCoach(ctx, { teamId: TEAM, engagement: engagement!, event: 'contracting_done' });
    await tellCoach(ctx, { teamId: TEAM, engagement: engagement!, event: 'leader_paused' });
    const rows = await f.db.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.kind, 'coach_notice')));
    expect(rows).toHaveLength(1);
    // Due now rather than at the next slot, so the test need not wait for it.
    await f.db.db.update(nudges).set({ dueAt: new Date(Date.now() - 1000) }).where(eq(nudges.id, rows[0]!.id));
    await f.startWorker();
    await f.reconcile();
    await waitFor(async () => (await f.db.db.select().from(nudges).where(eq(nudges.id, rows[0]!.id)))[0]!.status === 'sent', 15_000, 'notice sent');
    const toCoach = f.emu.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === f.emu.dmChannelId(TEAM, COACH));
    expect(toCoach).toHaveLength(1);
    const text = JSON.stringify(toCoach[0]!.args.blocks);
    expect(text).toContain(`<@${leader.leaderId}> finished contracting.`);
    expect(text).toContain(`<@${leader.leaderId}> paused Grow`);
    expect(String(toCoach[0]!.args.text)).not.toContain('<@');
    expect((await f.db.db.select().from(coachNotices)).every((i) => i.nudgeId === rows[0]!.id)).toBe(true);
  });
});
