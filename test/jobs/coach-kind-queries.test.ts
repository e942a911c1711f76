// The digest and brief loaders read a coach's leaders in a fixed number of queries,
// however many engagements the coach runs: one query per leader would make a week of
// 10,000 digests cost hundreds of thousands of round trips. Queries are counted with
// postgres.js's debug hook on a client of the test's own.
import { randomBytes } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import type { NudgeRow } from '../../db/nudges.js';
import * as schema from '../../db/schema/index.js';
import { actions, checkIns, engagements, people, reflections, sessions, targets } from '../../db/schema/index.js';
import { brief } from '../../jobs/kinds/brief.js';
import { digest } from '../../jobs/kinds/digest.js';
import { createCipher } from '../../src/crypto.js';
import { digestDedupeKey, isoWeekOf } from '../../src/domain/digest/index.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const TEAM = 'T0QUERIES1';
const DAY = 86_400_000;
const ALWAYS = { tz: 'UTC', workDays: [1, 2, 3, 4, 5, 6, 7], workStartMinute: 0, workEndMinute: 1440 };
const cipher = createCipher(randomBytes(32));
const now = new Date();

let database: TestDatabase;
let client: postgres.Sql;
let counted: Db;
let queries = 0;
const firstSession = new Map<string, string>();

/** A coach running `leaders` engagements, each with check-ins, an action, a reflection, a target and sessions. */
async function seedCoach(coachId: string, leaders: number): Promise<void> {
  const db = database.db;
  await db.insert(people).values({ teamId: TEAM, userId: coachId, ...ALWAYS });
  for (let i = 0; i < leaders; i++) {
    const leaderId = `${coachId}L${i}`;
    await db.insert(people).values({ teamId: TEAM, userId: leaderId, ...ALWAYS });
    const [e] = await db.insert(engagements).values({ teamId: TEAM, coachId, leaderId, status: 'active', startDate: '2026-01-05' }).returning();
    const rows = await db.insert(sessions).values([1, 2].map((seq) => ({ teamId: TEAM, engagementId: e!.id, seq, scheduledAt: new Date(now.getTime() + seq * 2 * DAY) }))).returning();
    if (i === 0) firstSession.set(coachId, rows[0]!.id);
    for (const visibility of ['shared', 'summary'] as const) {
      const [c] = await db.insert(checkIns).values({
        teamId: TEAM, leaderId, engagementId: e!.id, visibility, commitment: 8, createdAt: new Date(now.getTime() - DAY),
        goalEnc: cipher.encrypt('g'), realityEnc: cipher.encrypt('r'), optionsEnc: cipher.encrypt('o'), willEnc: cipher.encrypt('w'),
      }).returning();
      await db.insert(actions).values({ teamId: TEAM, leaderId, engagementId: e!.id, checkInId: c!.id, textEnc: cipher.encrypt('a'), dueAt: new Date(now.getTime() + 3 * DAY) });
    }
    await db.insert(reflections).values({ teamId: TEAM, leaderId, engagementId: e!.id, kind: 'follow_up', visibility: 'shared', bodyEnc: cipher.encrypt(JSON.stringify({ learned: 'l' })) });
    await db.insert(targets).values({ teamId: TEAM, engagementId: e!.id, position: 1, descriptionEnc: cipher.encrypt('t'), baseline: 4 });
  }
}

const personOf = async (userId: string) => (await database.db.query.people.findFirst({ where: (p, { and, eq }) => and(eq(p.teamId, TEAM), eq(p.userId, userId)) }))!;

function rowFor(kind: 'digest' | 'brief', coachId: string): NudgeRow {
  return {
    teamId: TEAM, recipientId: coachId, kind, ref: {}, engagementId: null,
    sessionId: kind === 'brief' ? firstSession.get(coachId)! : null,
    dedupeKey: kind === 'digest' ? digestDedupeKey(coachId, isoWeekOf(now, 'UTC')) : `brief:${coachId}`,
  } as unknown as NudgeRow;
}

/** How many statements one load sends, and whether it produced a message. */
async function countQueries(kind: 'digest' | 'brief', coachId: string): Promise<{ queries: number; applies: boolean }> {
  const person = await personOf(coachId);
  const load = kind === 'digest' ? digest.decide : brief.decide;
  const before = queries;
  const decision = await load({ db: counted, cipher, row: rowFor(kind, coachId), person, now, rhythm: {} as never });
  return { queries: queries - before, applies: decision.applies };
}

beforeAll(async () => {
  database = await createTestDatabase();
  // One connection, opened before counting: opening one sends type look-ups of its own.
  client = postgres(database.url, { max: 1, onnotice: () => {}, debug: () => void queries++ });
  counted = drizzle(client, { schema }) as unknown as Db;
  await client`select 1`;
  await seedCoach('U0ONELEAD1', 1);
  await seedCoach('U0MANYLEAD', 12);
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('coach messages read in a constant number of queries', () => {
  it('a digest for twelve leaders sends as many queries as a digest for one', async () => {
    const one = await countQueries('digest', 'U0ONELEAD1');
    const many = await countQueries('digest', 'U0MANYLEAD');
    expect(one.applies).toBe(true);
    expect(many.applies).toBe(true);
    expect(one.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(one.queries);
  });

  it('a brief for a coach of twelve leaders sends as many queries as for a coach of one', async () => {
    const one = await countQueries('brief', 'U0ONELEAD1');
    const many = await countQueries('brief', 'U0MANYLEAD');
    expect(one.applies).toBe(true);
    expect(many.applies).toBe(true);
    expect(one.queries).toBeGreaterThan(0);
    expect(many.queries).toBe(one.queries);
  });
});
