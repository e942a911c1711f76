// End to end on real Postgres, Redis and the Slack emulator: a coach's digest and brief
// are planned, sent by the worker and posted to the coach's DM carrying what the leader
// shared and the goal of what they summarised — and not one word of anything private,
// nor a summarised check-in's reality, options, will or action. Rows addressed to a
// sponsor deliver nothing.
import { reflectionValues } from '../../db/reflections.js';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, checkIns, engagements, nudges, people, postedMessages, reflections, sessions, targets } from '../../db/schema/index.js';
import { planCoachNudges } from '../../jobs/plan-coach-nudges.js';
import { COACH, seedLeader, startDeliveryFixture, TEAM, waitFor, type DeliveryFixture, type SeededLeader } from './support/delivery-fixture.js';

const OTHER_COACH = 'U0OTHERCO1';
const SPONSOR = 'U0SPONSOR1';
const ALWAYS = { tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 };
const DAY = 86_400_000;
// Words that must never reach a coach, and words that must.
const PRIVATE = ['PRIVGOAL', 'PRIVREALITY', 'PRIVOPTIONS', 'PRIVWILL', 'PRIVTEN', 'PRIVACTION', 'PRIVREFLECT', 'PRIVMOMENT', 'PRIVLINK', 'PRIVCOACHABLE'];
const BEYOND_SUMMARY = ['SUMMREALITY', 'SUMMOPTIONS', 'SUMMWILL', 'SUMMTEN', 'SUMMACTION', 'SUMMPREP', 'SUMMMOMENT', 'SUMMLINK'];
const SHARED = ['SHAREDGOAL', 'SHAREDREALITY', 'SHAREDWILL', 'SHAREDACTION', 'SHAREDREFLECT', 'SHAREDMOMENT', 'SHAREDLINK', 'TARGETDESC', 'SUMMGOAL'];

let f: DeliveryFixture;
let leader: SeededLeader;
let briefSessionId: string;

async function checkIn(prefix: string, visibility: 'private' | 'summary' | 'shared', daysAgo: number) {
  const enc = (s: string) => f.cipher.encrypt(`${s} <!channel> & more`);
  const [row] = await f.db.db.insert(checkIns).values({
    teamId: TEAM, leaderId: leader.leaderId, engagementId: leader.engagementId, visibility, commitment: 8,
    goalEnc: enc(`${prefix}GOAL`), realityEnc: enc(`${prefix}REALITY`), optionsEnc: enc(`${prefix}OPTIONS`), willEnc: enc(`${prefix}WILL`),
    makeItTenEnc: enc(`${prefix}TEN`), createdAt: new Date(Date.now() - daysAgo * DAY),
  }).returning();
  await f.db.db.insert(actions).values({
    teamId: TEAM, leaderId: leader.leaderId, engagementId: leader.engagementId, checkInId: row!.id,
    textEnc: enc(`${prefix}ACTION`), dueAt: new Date(Date.now() + 3 * DAY), createdAt: row!.createdAt,
  });
}

async function reflection(kind: string, visibility: 'private' | 'summary' | 'shared', body: Record<string, string>, permalink: string | null = null) {
  await f.db.db.insert(reflections).values({
    ...reflectionValues(f.cipher, { teamId: TEAM, leaderId: leader.leaderId, engagementId: kind === 'moment' ? null : leader.engagementId, kind, visibility, permalink, body }),
    createdAt: new Date(Date.now() - DAY),
  });
}

async function seedOtherCoach() {
  f.emu.addUser(TEAM, { id: OTHER_COACH, name: 'otto', tz: 'UTC' });
  f.emu.addUser(TEAM, { id: 'U0OTHERLD1', name: 'olga', tz: 'UTC' });
  const [other] = await f.db.db.insert(engagements).values({ teamId: TEAM, coachId: OTHER_COACH, leaderId: 'U0OTHERLD1', status: 'active', startDate: '2026-01-05' }).returning();
  await f.db.db.insert(checkIns).values({
    teamId: TEAM, leaderId: 'U0OTHERLD1', engagementId: other!.id, visibility: 'shared', commitment: 9,
    goalEnc: f.cipher.encrypt('OTHERCOACHGOAL'), realityEnc: f.cipher.encrypt('r'), optionsEnc: f.cipher.encrypt('o'), willEnc: f.cipher.encrypt('w'),
  });
}

beforeAll(async () => {
  f = await startDeliveryFixture();
  f.emu.addUser(TEAM, { id: SPONSOR, name: 'sam', tz: 'UTC' });
  await f.db.db.insert(people).values([COACH, OTHER_COACH, SPONSOR].map((userId) => ({ teamId: TEAM, userId, ...ALWAYS })));
  leader = await seedLeader(f, 'U0LEADPRIV');
  const [soon] = await f.db.db.insert(sessions).values({ teamId: TEAM, engagementId: leader.engagementId, seq: 2, scheduledAt: new Date(Date.now() + 2 * DAY) }).returning();
  briefSessionId = soon!.id;
  await checkIn('PRIV', 'private', 1);
  await checkIn('SUMM', 'summary', 2);
  await checkIn('SHARED', 'shared', 3);
  await reflection('follow_up', 'private', { happened: 'PRIVREFLECT' });
  await reflection('coachability_worked', 'private', { worked: 'PRIVCOACHABLE' });
  await reflection('session_prep', 'summary', { want: 'SUMMPREP' });
  await reflection('follow_up', 'shared', { learned: 'SHAREDREFLECT' });
  await reflection('moment', 'private', { note: 'PRIVMOMENT' }, 'https://acme.slack.com/archives/C01/pPRIVLINK');
  await reflection('moment', 'summary', { note: 'SUMMMOMENT' }, 'https://acme.slack.com/archives/C01/pSUMMLINK');
  await reflection('moment', 'shared', { note: 'SHAREDMOMENT' }, 'https://acme.slack.com/archives/C01/pSHAREDLINK');
  await f.db.db.insert(targets).values({ teamId: TEAM, engagementId: leader.engagementId, position: 1, descriptionEnc: f.cipher.encrypt('TARGETDESC'), baseline: 4 });
  await seedOtherCoach();
});
afterAll(async () => f?.close());

const coachRows = (recipientId: string) =>
  f.db.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.recipientId, recipientId), inArray(nudges.kind, ['digest', 'brief'])));

describe('coach digest and brief delivery', () => {
  it('posts both to the coach with what was shared, and nothing private or beyond a summary', async () => {
    await planCoachNudges(f.db.db, { teamId: TEAM, now: new Date() });
    const planned = await coachRows(COACH);
    expect(planned.filter((r) => r.kind === 'brief').map((r) => r.sessionId)).toEqual([briefSessionId]);
    expect(planned.filter((r) => r.kind === 'digest').length).toBeGreaterThanOrEqual(1);
    // Due now rather than next Monday, so the test need not wait for it.
    const ids = [planned.find((r) => r.kind === 'digest')!.id, planned.find((r) => r.kind === 'brief')!.id];
    await f.db.db.update(nudges).set({ dueAt: new Date(Date.now() - 1000) }).where(inArray(nudges.id, ids));

    await f.startWorker({ coachPlanning: true });
    await f.reconcile();
    await waitFor(async () => (await coachRows(COACH)).filter((r) => ids.includes(r.id) && r.status === 'sent').length === 2, 15_000, 'both sent');

    const toCoach = f.emu.callsTo('chat.postMessage').filter((c) => c.ok && c.args.channel === f.emu.dmChannelId(TEAM, COACH));
    expect(toCoach).toHaveLength(2);
    const everything = JSON.stringify(f.emu.callsTo('chat.postMessage').map((c) => c.args));
    for (const word of [...PRIVATE, ...BEYOND_SUMMARY]) expect(everything, word).not.toContain(word);
    const coachText = JSON.stringify(toCoach.map((c) => c.args));
    for (const word of SHARED) expect(coachText, word).toContain(word);
    expect(coachText).not.toContain('OTHERCOACHGOAL');
    expect(coachText).not.toContain('<!channel>');
    expect(coachText).toContain('&lt;!channel&gt;');
    // Which leaders the digest covered, by location, so erasing one of them can find it.
    const digest = (await coachRows(COACH)).find((r) => r.id === ids[0])!;
    const covered = await f.db.db.select().from(postedMessages).where(and(eq(postedMessages.teamId, TEAM), eq(postedMessages.recipientId, COACH)));
    expect(covered.map((r) => [r.kind, r.recipientId, r.aboutId, r.channelId, r.messageTs])).toEqual([['digest', COACH, leader.leaderId, digest.channelId, digest.messageTs]]);
  });

  it('delivers nothing to a sponsor, whatever a row addressed to them says', async () => {
    const week = (await coachRows(COACH)).find((r) => r.kind === 'digest')!.dedupeKey.split(':')[2];
    const rows = await f.db.db.insert(nudges).values([
      { teamId: TEAM, recipientId: SPONSOR, kind: 'digest', dedupeKey: `digest:${SPONSOR}:${week}`, dueAt: new Date(Date.now() - 1000) },
      {
        teamId: TEAM, recipientId: SPONSOR, kind: 'brief', engagementId: leader.engagementId, sessionId: briefSessionId,
        dedupeKey: `brief:${briefSessionId}:sponsor`, dueAt: new Date(Date.now() - 1000),
      },
    ]).returning();
    await f.reconcile();
    const settled = async () => (await coachRows(SPONSOR)).every((r) => r.status !== 'pending' && r.status !== 'sending');
    await waitFor(settled, 15_000, 'sponsor rows settled');
    const after = await coachRows(SPONSOR);
    expect(after.map((r) => [r.kind, r.status, r.reason]).sort()).toEqual([
      ['brief', 'cancelled', 'not_the_coach'],
      ['digest', 'skipped', 'no_active_engagements'],
    ]);
    expect(rows).toHaveLength(2);
    // Decided before a DM is even opened: Slack never hears of the sponsor.
    expect(f.emu.dmChannelId(TEAM, SPONSOR)).toBeUndefined();
    expect(f.emu.dmWith(TEAM, SPONSOR)).toEqual([]);
  });
});
