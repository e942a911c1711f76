// Planned for now means sent now: the invitation a coach submits is handed to the queue
// right after the transaction that planned it commits. The reconcile interval is ten
// minutes here, so only the hand-off can explain a delivery within two seconds.
import { DateTime } from 'luxon';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engagements, nudges } from '../../db/schema/index.js';
import { Person } from '../e2e/walk/person.js';
import { openWorkingWindow, poll, type Stage } from '../e2e/walk/stage.js';
import { COACH, TEAM, deliveredNudgeIds } from '../jobs/support/delivery-fixture.js';
import { sharedRedisUrl } from '../support/redis.js';
import { startLiveGrow, type LiveGrow } from './support/live-grow.js';

const LEADER = 'U0HANDOFF1';

describe('the hand-off after commit', () => {
  let live: LiveGrow;
  beforeAll(async () => {
    live = await startLiveGrow({ redisUrl: sharedRedisUrl, reconcileEveryMs: 600_000 });
  }, 60_000);
  afterAll(async () => {
    await live?.close();
  }, 30_000);

  it('an invitation reaches the leader within 2 seconds of the coach submitting it', { timeout: 30_000 }, async () => {
    const { f } = live;
    f.emu.addUser(TEAM, { id: LEADER, name: 'lea', tz: 'UTC' });
    const stage: Stage = { emu: f.emu, db: f.db.db, teamId: TEAM };
    await openWorkingWindow(stage, COACH, 'UTC');
    await openWorkingWindow(stage, LEADER, 'UTC');
    const coach = new Person(stage, COACH, 'cora');
    const modal = await coach.opensModal('engagement_new', () => coach.grow('coach'));
    const submittedAt = Date.now();
    await coach.submit(modal, {
      leader: LEADER,
      start_date: DateTime.utc().plus({ days: 7 }).toISODate()!,
      session_time: '10:00',
      sessions: '6',
      cadence: '14',
      session_length: '60',
    });
    const [engagement] = await f.db.db.select().from(engagements).where(and(eq(engagements.teamId, TEAM), eq(engagements.leaderId, LEADER)));
    const [invitation] = await f.db.db.select().from(nudges).where(and(eq(nudges.engagementId, engagement!.id), eq(nudges.kind, 'invitation')));
    expect(invitation!.dueAt.getTime()).toBeLessThanOrEqual(Date.now());
    await poll('the invitation in the leader DM', () => deliveredNudgeIds(f, LEADER).includes(invitation!.id), 5_000);
    const tookMs = Date.now() - submittedAt;
    console.info(`[faults] invitation delivered ${tookMs} ms after the coach's submit (reconcile every 600 s)`);
    expect(tookMs).toBeLessThan(2_000);
    expect(deliveredNudgeIds(f, LEADER)).toEqual([invitation!.id]);
  });
});
