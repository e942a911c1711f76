// What one send costs in round trips, counted on the worker's own database client
// (postgres.js's debug hook) for a leader Grow has written to before (their DM open,
// their Do Not Disturb schedule known): on a Monday burst every statement is paid
// thousands of times, so the claim reads the recipient and the engagement with it, session
// prep reads its session's facts in one statement, and a follow-up is marked sent, with
// the leader's unanswered streak, in one (its heading's draw from the question bank aside).
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.js';
import * as schema from '../../db/schema/index.js';
import { findPerson } from '../../db/people.js';
import { deliveredNudgeIds, insertNudges, seedLeader, startDeliveryFixture, statusCounts, TEAM, waitFor, type DeliveryFixture, type SeededLeader } from './support/delivery-fixture.js';

let f: DeliveryFixture;
let client: postgres.Sql;
const statements: string[] = [];

beforeAll(async () => {
  f = await startDeliveryFixture();
  client = postgres(f.db.url, { max: 5, onnotice: () => {}, fetch_types: false, debug: (_connection, query) => void statements.push(query) });
  await client`select 1`;
  await f.startWorker({ db: drizzle(client, { schema }) as unknown as Db, concurrency: 1 });
});
afterAll(async () => {
  await f?.close();
  await client?.end();
});

/** Sends one nudge of `kind` to the leader and returns the statements the worker sent for it. */
async function statementsOfOneSend(leader: SeededLeader, kind: 'session_prep' | 'follow_up'): Promise<string[]> {
  const before = statements.length;
  const sentBefore = (await statusCounts(f)).sent ?? 0;
  const [id] = await insertNudges(f, leader, 1, { kind });
  await f.reconcile();
  await waitFor(async () => (await statusCounts(f)).sent === sentBefore + 1, 20_000, `${kind} sent`);
  expect(deliveredNudgeIds(f, leader.leaderId)).toContain(id);
  return statements.slice(before);
}

describe('the round trips of one send', () => {
  it('a session prep costs nine statements, the claim reading the recipient and engagement with it', async () => {
    const leader = await seedLeader(f, 'U0QPREP001');
    await statementsOfOneSend(leader, 'session_prep'); // opens the DM and reads the DND schedule
    const sent = await statementsOfOneSend(leader, 'session_prep');
    expect(sent.length).toBeLessThanOrEqual(9);
    expect(sent[0]).toMatch(/^with "claimed" as \(update "nudges"/);
    expect(sent.filter((q) => /from "people"|from "engagements"/.test(q))).toEqual([]);
  });

  it('a follow-up costs three statements besides drawing its heading, marked sent with the unanswered streak in one', async () => {
    const leader = await seedLeader(f, 'U0QFOLLOW1');
    await statementsOfOneSend(leader, 'follow_up');
    const sent = await statementsOfOneSend(leader, 'follow_up');
    // The heading is a bank question: three reads sent together (last asked, the coach's
    // questions, the target's level) and the record of what was asked.
    const draw = sent.filter((q) => /"asked_questions"|"engagement_questions"|from "targets"/.test(q));
    expect(draw.length).toBeLessThanOrEqual(4);
    expect(sent.length - draw.length).toBeLessThanOrEqual(3);
    expect(sent.some((q) => /^begin/i.test(q))).toBe(false);
    expect((await findPerson(f.db.db, TEAM, leader.leaderId))?.unansweredFollowUps).toBe(2);
  });
});
