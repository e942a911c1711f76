// Planning coaches' digests and briefs on real Postgres: one digest per coach per ISO
// week however often (and however concurrently) the planner runs, none for a coach
// without a running engagement, one brief per upcoming session, and a moved session
// moves its pending brief but never one already sent.
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { rowsOf as dbRowsOf, type Db } from '../../db/client.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_STATEMENT_PARAMETERS, planCoachDigests, planSessionBriefs, ROWS_PER_STATEMENT } from '../../db/coach-plan-sync.js';
import * as schema from '../../db/schema/index.js';
import { engagements, nudges, people, sessions } from '../../db/schema/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0PLAN0001';
// A Wednesday: this week's digest fell due two days ago, so only next week's is planned.
const now = new Date('2026-03-11T12:00:00Z');
let db: TestDatabase;

async function engagement(coachId: string, leaderId: string, status: 'active' | 'ended' | 'invited' = 'active') {
  const [row] = await db.db.insert(engagements).values({ teamId: TEAM, coachId, leaderId, status, startDate: '2026-02-02' }).returning();
  return row!;
}

async function session(engagementId: string, seq: number, at: Date) {
  const [row] = await db.db.insert(sessions).values({ teamId: TEAM, engagementId, seq, scheduledAt: at }).returning();
  return row!;
}

const rowsOf = (kind: string) => db.db.select().from(nudges).where(and(eq(nudges.teamId, TEAM), eq(nudges.kind, kind)));

beforeAll(async () => {
  db = await createTestDatabase();
  await db.db.insert(people).values([
    { teamId: TEAM, userId: 'U0COACHAAA', tz: 'America/New_York' },
    { teamId: TEAM, userId: 'U0COACHBBB', tz: 'Asia/Tokyo', workStartMinute: 10 * 60 },
  ]);
  await engagement('U0COACHAAA', 'U0LEADER01');
  await engagement('U0COACHAAA', 'U0LEADER02');
  await engagement('U0COACHBBB', 'U0LEADER03');
  await engagement('U0COACHCCC', 'U0LEADER04', 'ended');
  await engagement('U0COACHDDD', 'U0LEADER05', 'invited');
});
afterAll(async () => db?.drop());

describe('planCoachDigests', () => {
  it('plans one digest per coach per week, however often and however concurrently it runs', async () => {
    const first = await planCoachDigests(db.db, { teamId: TEAM, now });
    const again = await Promise.all([1, 2, 3, 4].map(() => planCoachDigests(db.db, { teamId: TEAM, now })));
    const later = await planCoachDigests(db.db, { teamId: TEAM, now: new Date(now.getTime() + 3_600_000) });
    expect([first, ...again, later]).toEqual([2, 0, 0, 0, 0, 0]);
    const rows = await rowsOf('digest');
    expect(rows.map((r) => r.dedupeKey).sort()).toEqual(['digest:U0COACHAAA:2026-W12', 'digest:U0COACHBBB:2026-W12']);
  });

  it('makes it due Monday 09:00 on the coach’s clock, or when their working day starts', async () => {
    const rows = await rowsOf('digest');
    const local = (r: (typeof rows)[number]) => {
      const tz = r.recipientId === 'U0COACHAAA' ? 'America/New_York' : 'Asia/Tokyo';
      return DateTime.fromJSDate(r.dueAt, { zone: tz }).toFormat('ccc yyyy-MM-dd HH:mm');
    };
    expect(Object.fromEntries(rows.map((r) => [r.recipientId, local(r)]))).toEqual({
      U0COACHAAA: 'Mon 2026-03-16 09:00',
      U0COACHBBB: 'Mon 2026-03-16 10:00',
    });
    expect(rows.every((r) => r.engagementId === null && r.status === 'pending')).toBe(true);
  });

  it('adds next week’s digest once the week turns, leaving this one alone', async () => {
    await planCoachDigests(db.db, { teamId: TEAM, now: new Date('2026-03-16T20:00:00Z') });
    const keys = (await rowsOf('digest')).map((r) => r.dedupeKey).sort();
    expect(keys).toEqual(['digest:U0COACHAAA:2026-W12', 'digest:U0COACHAAA:2026-W13', 'digest:U0COACHBBB:2026-W12', 'digest:U0COACHBBB:2026-W13']);
  });
});

describe('planSessionBriefs', () => {
  it('plans one brief per upcoming session, moves it with the session while pending, and leaves a sent one alone', async () => {
    const [e] = await db.db.select().from(engagements).where(eq(engagements.leaderId, 'U0LEADER01'));
    const soon = await session(e!.id, 1, new Date('2026-03-13T15:00:00Z'));
    const next = await session(e!.id, 2, new Date('2026-03-20T15:00:00Z'));
    await session(e!.id, 3, new Date('2026-04-20T15:00:00Z'));

    expect(await planSessionBriefs(db.db, { teamId: TEAM, now })).toBe(2);
    expect(await planSessionBriefs(db.db, { teamId: TEAM, now })).toBe(0);
    const briefs = await rowsOf('brief');
    expect(briefs.map((b) => b.dedupeKey).sort()).toEqual([`brief:${next.id}`, `brief:${soon.id}`].sort());
    const soonBrief = briefs.find((b) => b.sessionId === soon.id)!;
    // Friday 11:00 New York: the brief goes at 09:00 that morning.
    expect(DateTime.fromJSDate(soonBrief.dueAt, { zone: 'America/New_York' }).toFormat('ccc HH:mm')).toBe('Fri 09:00');
    expect(soonBrief.recipientId).toBe('U0COACHAAA');

    await db.db.update(nudges).set({ status: 'sent' }).where(eq(nudges.id, soonBrief.id));
    await db.db.update(sessions).set({ scheduledAt: new Date('2026-03-16T15:00:00Z') }).where(eq(sessions.id, soon.id));
    await db.db.update(sessions).set({ scheduledAt: new Date('2026-03-23T15:00:00Z') }).where(eq(sessions.id, next.id));
    expect(await planSessionBriefs(db.db, { teamId: TEAM, now })).toBe(1);
    const after = await rowsOf('brief');
    expect(after.find((b) => b.id === soonBrief.id)!.dueAt).toEqual(soonBrief.dueAt);
    const moved = after.find((b) => b.sessionId === next.id)!;
    expect(DateTime.fromJSDate(moved.dueAt, { zone: 'America/New_York' }).toFormat('yyyy-MM-dd HH:mm')).toBe('2026-03-23 09:00');
  });
});

describe('a deployment with more rows than one statement carries', () => {
  // A statement carries at most 65,535 parameters, so the planners write in chunks. A few
  // hundred coaches with a chunk of 100 rows prove the chunking (counted statements); the
  // default chunk is checked against the limit on its own.
  let many: TestDatabase;
  let client: postgres.Sql;
  let counted: Db;
  let inserts = 0;
  const MANY = 'T0MANYCOAC';
  const COACHES = 250;
  const CHUNK = 100;
  const monday = new Date('2026-03-09T06:00:00Z');
  beforeAll(async () => {
    many = await createTestDatabase();
    // One engagement per coach, two sessions in the next fortnight.
    await many.db.execute(sql.raw(`
      insert into engagements (id, team_id, coach_id, leader_id, status, start_date)
        select md5('m' || g)::uuid, '${MANY}', 'UCM' || g, 'ULM' || g, 'active', date '2026-02-02' from generate_series(1, ${COACHES}) g;
      insert into sessions (team_id, engagement_id, seq, scheduled_at)
        select '${MANY}', md5('m' || g)::uuid, k, timestamptz '${monday.toISOString()}' + (k * 7 - 4) * interval '1 day'
        from generate_series(1, ${COACHES}) g, generate_series(1, 2) k;`));
    client = postgres(many.url, { max: 1, onnotice: () => {}, debug: (_, query) => void (/^\s*insert into "nudges"/i.test(query) && inserts++) });
    counted = drizzle(client, { schema }) as unknown as Db;
  });
  afterAll(async () => {
    await client?.end();
    await many?.drop();
  });

  it('binds fewer parameters per statement than Postgres allows, with the default chunk', () => {
    // Every row binds at most one parameter per column of the table.
    expect(ROWS_PER_STATEMENT * Object.keys(getTableColumns(nudges)).length).toBeLessThan(MAX_STATEMENT_PARAMETERS);
  });

  it('writes more rows than a chunk holds in several statements, plans every coach digest and every brief, and a second run adds nothing', async () => {
    const input = { teamId: MANY, now: monday, rowsPerStatement: CHUNK };
    inserts = 0;
    const digests = await planCoachDigests(counted, input);
    const digestStatements = inserts;
    inserts = 0;
    const briefs = await planSessionBriefs(counted, input);
    const briefStatements = inserts;
    const count = async (kind: string) => rowsOfCount(await many.db.execute(sql`select count(*)::int as n, count(distinct recipient_id)::int as coaches from nudges where kind = ${kind}`));
    expect(await count('digest')).toEqual({ n: digests, coaches: COACHES });
    expect(digests).toBeGreaterThanOrEqual(COACHES);
    expect(digestStatements).toBe(Math.ceil(digests / CHUNK));
    expect(await count('brief')).toEqual({ n: 2 * COACHES, coaches: COACHES });
    expect(briefs).toBe(2 * COACHES);
    expect(briefStatements).toBe(Math.ceil(briefs / CHUNK));
    expect(await planCoachDigests(counted, input)).toBe(0);
    expect(await planSessionBriefs(counted, input)).toBe(0);
  });
});

function rowsOfCount(result: unknown): { n: number; coaches: number } {
  return (dbRowsOf<{ n: number; coaches: number }>(result))[0]!;
}
