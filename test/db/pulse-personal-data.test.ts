// A stakeholder's own data: `/grow export` shows where they were named and asked and
// whether they answered, never what; `/grow delete` erases that, and the answers, stored
// without them, stay as anonymous as they were.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPersonalData, erasePersonalData } from '../../db/personal-data.js';
import { findRoundByStage } from '../../db/pulse.js';
import { pulseInvitations, pulseResponses, pulseStakeholders } from '../../db/schema/index.js';
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

it('exports where a stakeholder was asked and that they answered, never what; erasing them leaves the answers', async () => {
  const world = pulseWorld(database, berlin('2027-03-03', '10:00'));
  const { engagement } = await seedContracted(world, { firstDate: '2027-03-02', contractedAt: berlin('2027-03-02', '12:00') });
  await nameStakeholders(world.ctx, { teamId: TEAM, userId: LEADER, engagementId: engagement.id, selected: STAKEHOLDERS.slice(0, 3) });
  const round = (await findRoundByStage(database.db, TEAM, engagement.id, 'baseline'))!;
  const me = STAKEHOLDERS[0]!;
  await answerPulse(world.ctx, { teamId: TEAM, userId: me, roundId: round.id, values: { suggestion1: 'Qzsecret-answer listen more' } });

  const exported = await collectPersonalData(database.db, world.ctx.cipher, TEAM, me);
  expect(exported.stakeholderPulse.namedFor).toEqual([engagement.id]);
  expect(exported.stakeholderPulse.asked).toEqual(expect.arrayContaining([{ engagementId: engagement.id, stage: 'baseline', status: 'answered' }]));
  expect(JSON.stringify(exported)).not.toContain('Qzsecret');

  await erasePersonalData(database.db, TEAM, me, world.clock.now);
  const left = async (table: typeof pulseStakeholders | typeof pulseInvitations) => (await database.db.select().from(table)).filter((r) => r.userId === me);
  expect(await left(pulseStakeholders)).toEqual([]);
  expect(await left(pulseInvitations)).toEqual([]);
  expect(await database.db.select().from(pulseResponses)).toHaveLength(1);
  // The others are still asked.
  expect((await database.db.select().from(pulseInvitations)).length).toBeGreaterThan(0);
});
