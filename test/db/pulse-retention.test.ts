// Retention reaches the pulse: once an engagement's content is erased, its stakeholders'
// suggestions go with it, and their scores (tied to no one) stay.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findRoundByStage } from '../../db/pulse.js';
import { eraseExpiredContent } from '../../db/retention.js';
import { engagements, pulseResponses } from '../../db/schema/index.js';
import { answerPulse } from '../../src/services/pulse-answer.js';
import { nameStakeholders } from '../../src/services/pulse-stakeholders.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { berlin, LEADER, pulseWorld, seedContracted, STAKEHOLDERS, TEAM } from '../services/pulse-support.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

it('erases stakeholders’ suggestions with the engagement’s content, keeping the scores', async () => {
  const world = pulseWorld(database, berlin('2027-03-03', '10:00'));
  const { engagement } = await seedContracted(world, { firstDate: '2027-03-02', contractedAt: berlin('2027-03-02', '12:00') });
  await nameStakeholders(world.ctx, { teamId: TEAM, userId: LEADER, engagementId: engagement.id, selected: STAKEHOLDERS.slice(0, 3) });
  const round = (await findRoundByStage(database.db, TEAM, engagement.id, 'baseline'))!;
  await answerPulse(world.ctx, { teamId: TEAM, userId: STAKEHOLDERS[0]!, roundId: round.id, values: { suggestion1: 'listen more' } });
  await database.db.insert(pulseResponses).values({ teamId: TEAM, roundId: round.id, targetId: (await database.db.select().from(pulseResponses))[0]!.targetId, score: 2 });
  await database.db.update(engagements).set({ status: 'ended', endedAt: berlin('2027-03-04', '10:00') }).where(eq(engagements.id, engagement.id));
  expect((await database.db.select().from(pulseResponses)).filter((r) => r.suggestionEnc !== null)).toHaveLength(1);

  const result = await eraseExpiredContent(database.db, world.ctx.cipher, { now: berlin('2027-06-10', '10:00'), retentionDays: 30 });
  expect(result.engagements).toBe(1);
  const after = await database.db.select().from(pulseResponses);
  expect(after.map((r) => r.suggestionEnc)).toEqual([null, null]);
  expect(after.map((r) => r.score).sort()).toEqual([2, null]);
});
