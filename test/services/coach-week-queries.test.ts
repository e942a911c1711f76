// A coach's roster, digest and brief at 50 engagements with six months of history each
// are read in the same number of queries as for one engagement. Queries are counted with
// postgres.js's debug hook on a client of the test's own.
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import type { NudgeRow } from '../../db/nudges.js';
import * as schema from '../../db/schema/index.js';
import { actions, checkIns, engagements, people, pulseRounds, reflections, sessions, targets } from '../../db/schema/index.js';
import { digest } from '../../jobs/kinds/digest.js';
import { createCipher } from '../../src/crypto.js';
import { digestDedupeKey, isoWeekOf } from '../../src/domain/digest/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import { briefNow } from '../../src/services/coach-brief.js';
import { loadCoachRoster } from '../../src/services/coach-roster.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0WEEKQRY1';
const DAY = 86_400_000;
const ALWAYS = { tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 };
const cipher = createCipher(randomBytes(32));
const now = new Date();
const HISTORY_DAYS = 182;

let database: TestDatabase;
let client: postgres.Sql;
let counted: Db;
let queries = 0;

/** A coach running `leaders` engagements, each six months in: a check-in and action every four days, sessions every two weeks, a reflection a week, a shared pulse round. */
async function seedCoach(coachId: string, leaders: number): Promise<void> {
  const db = database.db;
  await db.insert(people).values([{ teamId: TEAM, userId: coachId, ...ALWAYS }, ...Array.from({ length: leaders }, (_, i) => ({ teamId: TEAM, userId: `${coachId}L${i}`, ...ALWAYS }))]);
  const started = new Date(now.getTime() - HISTORY_DAYS * DAY);
  const rows = await db
    .insert(engagements)
    .values(Array.from({ length: leaders }, (_, i) => ({ teamId: TEAM, coachId, leaderId: `${coachId}L${i}`, status: 'active' as const, startDate: started.toISOString().slice(0, 10), sessionCount: 12 })))
    .returning();
  const at = (days: number) => new Date(started.getTime() + days * DAY);
  await db.insert(sessions).values(rows.flatMap((e) => Array.from({ length: 12 }, (_, k) => ({ teamId: TEAM, engagementId: e.id, seq: k + 1, scheduledAt: at(k * 16 + 1), status: k * 16 + 1 < HISTORY_DAYS - 3 ? ('held' as const) : ('scheduled' as const) }))));
  await db.insert(targets).values(rows.map((e) => ({ teamId: TEAM, engagementId: e.id, position: 1, descriptionEnc: cipher.encrypt('t'), baseline: 4 })));
  const days = Array.from({ length: Math.floor(HISTORY_DAYS / 4) }, (_, k) => k * 4);
  const made = await db
    .insert(checkIns)
    .values(rows.flatMap((e) => days.map((d) => ({
      teamId: TEAM, leaderId: e.leaderId, engagementId: e.id, visibility: d % 8 === 0 ? ('shared' as const) : ('summary' as const), commitment: 6 + (d % 5), createdAt: at(d),
      goalEnc: cipher.encrypt('g'), realityEnc: cipher.encrypt('r'), optionsEnc: cipher.encrypt('o'), willEnc: cipher.encrypt('w'),
    }))))
    .returning();
  await db.insert(actions).values(made.map((c) => ({
    teamId: TEAM, leaderId: c.leaderId, engagementId: c.engagementId, checkInId: c.id, textEnc: cipher.encrypt('a'),
    dueAt: new Date(c.createdAt.getTime() + 3 * DAY), status: 'not_yet' as const, answeredAt: new Date(c.createdAt.getTime() + 3 * DAY),
  })));
  await db.insert(reflections).values(rows.flatMap((e) => days.filter((d) => d % 8 === 0).map((d) => ({
    teamId: TEAM, leaderId: e.leaderId, engagementId: e.id, kind: 'follow_up', visibility: 'shared' as const, bodyEnc: cipher.encrypt(JSON.stringify({ learned: 'l' })), createdAt: at(d),
  }))));
  await db.insert(pulseRounds).values(rows.map((e) => ({ teamId: TEAM, engagementId: e.id, stage: 'baseline' as const, opensAt: at(10), closesAt: at(17), visibility: 'summary' as const, sharedAt: at(18) })));
}

const ctx = (): ServiceContext => ({ db: counted, cipher, now: () => now } as unknown as ServiceContext);

async function counting<T>(load: () => Promise<T>): Promise<{ queries: number; result: T }> {
  const before = queries;
  const result = await load();
  return { queries: queries - before, result };
}

const personOf = async (userId: string) => (await database.db.query.people.findFirst({ where: (p, { and, eq }) => and(eq(p.teamId, TEAM), eq(p.userId, userId)) }))!;
const digestRow = (coachId: string) =>
  ({ teamId: TEAM, recipientId: coachId, kind: 'digest', ref: {}, engagementId: null, sessionId: null, dedupeKey: digestDedupeKey(coachId, isoWeekOf(now, 'UTC')) }) as unknown as NudgeRow;

beforeAll(async () => {
  database = await createTestDatabase();
  client = postgres(database.url, { max: 1, onnotice: () => {}, debug: () => void queries++ });
  counted = drizzle(client, { schema }) as unknown as Db;
  await client`select 1`;
  await seedCoach('U0WEEKONE1', 1);
  await seedCoach('U0WEEKFIFT', 50);
}, 120_000);
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe("a coach's week reads in a constant number of queries", () => {
  it('the roster of 50 leaders with six months each costs what a roster of one costs', async () => {
    const one = await counting(() => loadCoachRoster(ctx(), TEAM, 'U0WEEKONE1', now));
    const fifty = await counting(() => loadCoachRoster(ctx(), TEAM, 'U0WEEKFIFT', now));
    expect(one.result).toHaveLength(1);
    expect(fifty.result).toHaveLength(50);
    // Every leader's history was read: each has answered "Not yet" twice and shared a pulse.
    expect(fifty.result.every((e) => e.attention.some((s) => s.kind === 'not_yet_twice') && e.attention.some((s) => s.kind === 'pulse_shared'))).toBe(true);
    expect(one.queries).toBeGreaterThan(0);
    expect(fifty.queries).toBe(one.queries);
  });

  it('the digest of 50 leaders costs what the digest of one costs', async () => {
    const read = async (coachId: string) => digest.decide({ db: counted, cipher, row: digestRow(coachId), person: await personOf(coachId), now, rhythm: {} as never });
    const one = await counting(() => read('U0WEEKONE1'));
    const fifty = await counting(() => read('U0WEEKFIFT'));
    expect(one.result.applies).toBe(true);
    expect(fifty.result.applies).toBe(true);
    expect(fifty.queries).toBe(one.queries);
    // Fifty leaders, each with something to ask about, do not fit one message: none is dropped.
    if (!fifty.result.applies) return;
    const parts = [{ message: fifty.result.message, about: fifty.result.about ?? [] }, ...(fifty.result.replies ?? [])];
    expect(parts.length).toBeGreaterThan(1);
    const covered = parts.flatMap((p) => p.about);
    expect(covered.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `U0WEEKFIFTL${i}`).sort());
    for (const p of parts) for (const leaderId of p.about) expect(JSON.stringify(p.message.blocks)).toContain(`<@${leaderId}>`);
    for (const p of parts) expect(p.message.blocks.length).toBeLessThanOrEqual(50);
  });

  it('a brief on demand for one of 50 leaders costs what it costs for a coach of one', async () => {
    const one = await counting(() => briefNow(ctx(), { teamId: TEAM, coachId: 'U0WEEKONE1', target: { leaderId: 'U0WEEKONE1L0' }, now }));
    const fifty = await counting(() => briefNow(ctx(), { teamId: TEAM, coachId: 'U0WEEKFIFT', target: { leaderId: 'U0WEEKFIFTL37' }, now }));
    expect(one.result.leaderId).toBe('U0WEEKONE1L0');
    expect(fifty.result.leaderId).toBe('U0WEEKFIFTL37');
    expect(fifty.queries).toBe(one.queries);
  });
});
