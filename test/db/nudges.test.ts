// Row transitions of `nudges`: a claim succeeds once, only for a due pending row; a
// release puts it back; marking sent records the message and counts follow-ups; the
// reconciler's selection takes what is due soon and repairs what a dead worker left.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNudge, claimNudgeToSend, closeNudge, markNudgeSent, releaseNudge, selectNudgesToEnqueue } from '../../db/nudges.js';
import { findPerson } from '../../db/people.js';
import { engagements, nudges, people } from '../../db/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0NUDGES01';
const LEADER = 'U0LEADER01';
let database: TestDatabase;
let engagementId: string;
let seq = 0;

async function insertNudge(values: Partial<typeof nudges.$inferInsert> = {}) {
  const [row] = await database.db
    .insert(nudges)
    .values({ teamId: TEAM, recipientId: LEADER, engagementId, kind: 'session_prep', dedupeKey: `k${seq++}`, dueAt: new Date(Date.now() - 1000), ...values })
    .returning();
  return row!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const [engagement] = await database.db.insert(engagements).values({ teamId: TEAM, coachId: 'U0COACH001', leaderId: LEADER, startDate: '2026-01-05' }).returning();
  engagementId = engagement!.id;
  await database.db.insert(people).values({ teamId: TEAM, userId: LEADER });
});
afterAll(async () => {
  await database?.drop();
});

describe('claimNudge', () => {
  it('claims a due pending row exactly once, even when many try at the same moment', async () => {
    const row = await insertNudge();
    const now = new Date();
    const claims = await Promise.all(Array.from({ length: 10 }, () => claimNudge(database.db, row.id, now)));
    const won = claims.filter((c) => c !== null);
    expect(won).toHaveLength(1);
    expect(won[0]).toMatchObject({ status: 'sending', attempts: 1 });
  });

  it('does not claim a row that is not yet due', async () => {
    const row = await insertNudge({ dueAt: new Date(Date.now() + 60_000) });
    expect(await claimNudge(database.db, row.id, new Date())).toBeNull();
  });

  it('after a release the row can be claimed again; a refunded attempt is not counted', async () => {
    const row = await insertNudge();
    await claimNudge(database.db, row.id, new Date());
    await releaseNudge(database.db, row.id, { reason: 'dnd', refundAttempt: true, now: new Date() });
    const again = await claimNudge(database.db, row.id, new Date());
    expect(again).toMatchObject({ attempts: 1, status: 'sending' });
    await releaseNudge(database.db, row.id, { reason: 'http_503', refundAttempt: false, now: new Date() });
    expect((await claimNudge(database.db, row.id, new Date()))?.attempts).toBe(2);
  });

  it('reads the recipient and the engagement with the claim, and nothing for someone not met yet', async () => {
    const row = await insertNudge();
    const claimed = await claimNudgeToSend(database.db, row.id, new Date());
    expect(claimed?.row).toMatchObject({ id: row.id, status: 'sending', dueAt: row.dueAt, createdAt: row.createdAt, ref: row.ref });
    expect(claimed?.person).toEqual(await findPerson(database.db, TEAM, LEADER));
    expect(claimed?.engagement).toMatchObject({ status: 'invited', style: 'standard' });
    expect(claimed?.engagement?.createdAt).toBeInstanceOf(Date);
    const stranger = await insertNudge({ recipientId: 'U0STRANGER', engagementId: null });
    expect(await claimNudgeToSend(database.db, stranger.id, new Date())).toMatchObject({ row: { id: stranger.id }, person: undefined, engagement: undefined });
  });
});

describe('closing and marking', () => {
  it('marks a sent follow-up and counts it as unanswered, once', async () => {
    const row = await insertNudge({ kind: 'follow_up' });
    await claimNudge(database.db, row.id, new Date());
    const mark = { channelId: 'D0001', messageTs: '1700000000.000100', now: new Date() };
    expect(await markNudgeSent(database.db, row, mark)).toBe(true);
    expect(await markNudgeSent(database.db, row, mark)).toBe(false);
    const [stored] = await database.db.select().from(nudges).where(eq(nudges.id, row.id));
    expect(stored).toMatchObject({ status: 'sent', channelId: 'D0001', messageTs: '1700000000.000100', reason: null });
    expect((await findPerson(database.db, TEAM, LEADER))?.unansweredFollowUps).toBe(1);
  });

  it('marks a sent message of another kind once, without touching the unanswered streak', async () => {
    const row = await insertNudge({ kind: 'session_prep' });
    await claimNudge(database.db, row.id, new Date());
    const before = (await findPerson(database.db, TEAM, LEADER))?.unansweredFollowUps;
    const mark = { channelId: 'D0002', messageTs: '1700000000.000200', now: new Date() };
    expect(await markNudgeSent(database.db, row, mark)).toBe(true);
    expect(await markNudgeSent(database.db, row, mark)).toBe(false);
    const [stored] = await database.db.select().from(nudges).where(eq(nudges.id, row.id));
    expect(stored).toMatchObject({ status: 'sent', channelId: 'D0002', messageTs: '1700000000.000200', reason: null });
    expect((await findPerson(database.db, TEAM, LEADER))?.unansweredFollowUps).toBe(before);
  });

  it('never reopens a sent row', async () => {
    const row = await insertNudge();
    await claimNudge(database.db, row.id, new Date());
    await markNudgeSent(database.db, row, { channelId: 'D0001', messageTs: '1.2', now: new Date() });
    await closeNudge(database.db, row.id, 'skipped', 'paused', new Date());
    await releaseNudge(database.db, row.id, { reason: 'x', refundAttempt: true, now: new Date() });
    const [stored] = await database.db.select().from(nudges).where(eq(nudges.id, row.id));
    expect(stored?.status).toBe('sent');
  });
});

describe('selectNudgesToEnqueue', () => {
  it('returns pending rows due within the horizon and repairs stale sending rows, in one pass', async () => {
    await database.db.delete(nudges);
    const now = new Date();
    const due = await insertNudge({ dueAt: new Date(now.getTime() - 5_000) });
    const soon = await insertNudge({ dueAt: new Date(now.getTime() + 60_000) });
    await insertNudge({ dueAt: new Date(now.getTime() + 3_600_000) });
    await insertNudge({ status: 'sent' });
    const stale = await insertNudge({ status: 'sending', claimedAt: new Date(now.getTime() - 600_000), attempts: 1 });
    await insertNudge({ status: 'sending', claimedAt: new Date(now.getTime() - 5_000), attempts: 1 });

    const selected = await selectNudgesToEnqueue(database.db, { now, horizonMs: 600_000, staleSendingMs: 300_000, limit: 100 });
    expect(selected.map((n) => n.id).sort()).toEqual([due.id, soon.id, stale.id].sort());
    expect(selected.find((n) => n.id === stale.id)).toMatchObject({ repaired: true, dueAt: now });
    const [repaired] = await database.db.select().from(nudges).where(eq(nudges.id, stale.id));
    expect(repaired).toMatchObject({ status: 'pending', reason: 'stale_send', attempts: 1 });
  });
});
