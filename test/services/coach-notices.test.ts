// A coach's quiet notices on a real Postgres: events in an engagement wait in one row at
// the coach's next batch slot (late morning or mid afternoon, inside their working hours),
// which tells them all in one message; each topic can be turned off; what was undone
// before the coach heard is not told; and nothing of what the leader wrote reaches it.
import { and, eq, sql } from 'drizzle-orm';
import { getTableColumns } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveNoticesOff } from '../../db/coach-notices.js';
import { findPerson } from '../../db/people.js';
import { erasePersonalData } from '../../db/personal-data.js';
import { coachNotices, nudges, people, sessions } from '../../db/schema/index.js';
import { coachNotice } from '../../jobs/kinds/coach-notice.js';
import { defaultRhythm } from '../../src/domain/planner/rhythm.js';
import { tellCoach } from '../../src/services/coach-notices.js';
import { changeSession } from '../../src/services/engagement-sessions.js';
import { pauseLeader, resumeLeader } from '../../src/services/pause.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { COACH, LEADER, pulseWorld, seedContracted, TARGET_TEXTS, TEAM, TZ, type PulseWorld } from './pulse-support.js';

let database: TestDatabase;
let world: PulseWorld;
// Tuesday 3 March 2026, 09:00 in Berlin.
const TUESDAY_9 = new Date('2026-03-03T08:00:00Z');
beforeAll(async () => {
  database = await createTestDatabase();
  world = pulseWorld(database, TUESDAY_9);
});
afterAll(async () => database?.drop());

let engagement: Awaited<ReturnType<typeof seedContracted>>['engagement'];
beforeEach(async () => {
  await database.db.execute(sql`truncate engagements, nudges, people cascade`);
  world.clock.now = TUESDAY_9;
  await database.db.insert(people).values({ teamId: TEAM, userId: COACH, tz: TZ });
  ({ engagement } = await seedContracted(world, { firstDate: '2026-03-10', contractedAt: new Date('2026-03-01T10:00:00Z') }));
});

const noticeRows = () => database.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.kind, 'coach_notice')));
const sessionOf = async (seq: number) => (await database.db.select().from(sessions).where(and(eq(sessions.engagementId, engagement.id), eq(sessions.seq, seq))))[0]!;

/** What the sender would do with the row at its due time. */
async function decideAt(row: typeof nudges.$inferSelect) {
  const person = (await findPerson(database.db, TEAM, COACH))!;
  return coachNotice.decide({ db: database.db, cipher: world.ctx.cipher, row, person, now: row.dueAt, rhythm: defaultRhythm });
}
const textOf = (decision: Awaited<ReturnType<typeof decideAt>>) => (decision.applies ? JSON.stringify(decision.message) : '');

describe('coach notices', () => {
  it('batches two events into one row at the next late-morning slot, told in one message', async () => {
    await pauseLeader(world.ctx, { teamId: TEAM, userId: LEADER, days: 7 });
    world.clock.now = new Date(TUESDAY_9.getTime() + 30 * 60_000);
    const s3 = await sessionOf(3);
    await changeSession(world.ctx, { teamId: TEAM, userId: LEADER, sessionId: s3.id, change: { kind: 'cancel' } });
    const rows = await noticeRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.recipientId).toBe(COACH);
    expect(rows[0]!.dueAt.toISOString()).toBe('2026-03-03T10:00:00.000Z'); // 11:00 in Berlin
    const decision = await decideAt(rows[0]!);
    expect(decision.applies).toBe(true);
    const text = textOf(decision);
    expect(text).toContain(`<@${LEADER}> paused Grow`);
    expect(text).toContain(`<@${LEADER}> cancelled session 3`);
    if (decision.applies) expect(decision.message.text).not.toContain('<@');
    // Told once: every item now belongs to that row.
    expect((await database.db.select().from(coachNotices)).every((i) => i.nudgeId === rows[0]!.id)).toBe(true);
  });

  it('plans an event after the afternoon slot for the next working day’s late morning, inside working hours', async () => {
    expect(coachNotice.rules.workingHours).toBe(true);
    world.clock.now = new Date('2026-03-06T17:00:00Z'); // Friday 18:00 in Berlin
    await tellCoach(world.ctx, { teamId: TEAM, engagement, event: 'contracting_done' });
    const [row] = await noticeRows();
    expect(row!.dueAt.toISOString()).toBe('2026-03-09T10:00:00.000Z'); // Monday 11:00 in Berlin
  });

  it('does not tell the coach about a session they moved themselves', async () => {
    const s2 = await sessionOf(2);
    await changeSession(world.ctx, { teamId: TEAM, userId: COACH, sessionId: s2.id, change: { kind: 'reschedule', at: new Date(s2.scheduledAt.getTime() + 86_400_000) } });
    expect(await noticeRows()).toHaveLength(0);
    expect(await database.db.select().from(coachNotices)).toHaveLength(0);
  });

  it('honours each switch in Settings, and a switched-off item is not saved up for later', async () => {
    const events = ['contracting_done', 'session_moved', 'leader_paused', 'review_done'] as const;
    const topics = ['contracting', 'sessions', 'pause', 'review'] as const;
    const lines = ['finished contracting', 'moved session', 'paused Grow', 'finished their closing review'];
    const s2 = await sessionOf(2);
    for (const [i, topic] of topics.entries()) {
      await database.db.execute(sql`truncate coach_notices, nudges`);
      await saveNoticesOff(database.db, TEAM, COACH, [topic]);
      for (const event of events) await tellCoach(world.ctx, { teamId: TEAM, engagement, event, ...(event === 'session_moved' ? { sessionId: s2.id } : {}) });
      const [row] = await noticeRows();
      const text = textOf(await decideAt(row!));
      for (const [j, line] of lines.entries()) expect(text.includes(line), `${topic} off: ${line}`).toBe(i !== j);
    }
    // Everything off: nothing is sent, and turning it back on does not bring the old items back.
    await database.db.execute(sql`truncate coach_notices, nudges`);
    await saveNoticesOff(database.db, TEAM, COACH, [...topics]);
    await tellCoach(world.ctx, { teamId: TEAM, engagement, event: 'review_done' });
    const [silent] = await noticeRows();
    expect(await decideAt(silent!)).toEqual({ applies: false, status: 'skipped', reason: 'nothing_to_tell' });
    await saveNoticesOff(database.db, TEAM, COACH, []);
    world.clock.now = new Date(silent!.dueAt.getTime() + 60_000);
    await tellCoach(world.ctx, { teamId: TEAM, engagement, event: 'contracting_done' });
    const next = (await noticeRows()).find((r) => r.id !== silent!.id)!;
    const text = textOf(await decideAt(next));
    expect(text).toContain('finished contracting');
    expect(text).not.toContain('closing review');
  });

  it('sends nothing when the leader paused and resumed before the coach heard', async () => {
    await pauseLeader(world.ctx, { teamId: TEAM, userId: LEADER, days: 3 });
    await resumeLeader(world.ctx, { teamId: TEAM, userId: LEADER });
    const [row] = await noticeRows();
    expect(await decideAt(row!)).toEqual({ applies: false, status: 'skipped', reason: 'nothing_to_tell' });
  });

  it('withdraws what concerns an engagement the recipient no longer coaches', async () => {
    await tellCoach(world.ctx, { teamId: TEAM, engagement, event: 'contracting_done' });
    await database.db.execute(sql`update engagements set coach_id = 'U0COACH999' where id = ${engagement.id}`);
    const [row] = await noticeRows();
    expect((await decideAt(row!)).applies).toBe(false);
  });

  it('carries no word of what the leader wrote, and keeps no free text to leak', async () => {
    expect(Object.keys(getTableColumns(coachNotices)).sort()).toEqual(['coachId', 'createdAt', 'engagementId', 'event', 'id', 'leaderId', 'nudgeId', 'sessionId', 'teamId']);
    await tellCoach(world.ctx, { teamId: TEAM, engagement, event: 'contracting_done' });
    await pauseLeader(world.ctx, { teamId: TEAM, userId: LEADER, days: 7 });
    const [row] = await noticeRows();
    const text = textOf(await decideAt(row!));
    expect(text).toContain('finished contracting');
    for (const secret of TARGET_TEXTS) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/because|reason|until/i);
  });

  it('erases the items waiting for a coach who asks to be forgotten', async () => {
    await tellCoach(world.ctx, { teamId: TEAM, engagement, event: 'contracting_done' });
    await erasePersonalData(database.db, TEAM, COACH, world.clock.now);
    expect(await database.db.select().from(coachNotices)).toHaveLength(0);
  });
});
