// The worker takes the operator's settings from its config: the sender backs off after
// the configured number of unanswered follow-ups, and someone it meets for the first
// time is recorded with the configured working window.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPerson } from '../../db/people.js';
import { people } from '../../db/schema/index.js';
import { insertNudges, nudgeRow, seedLeader, startDeliveryFixture, TEAM, waitFor, type DeliveryFixture } from './support/delivery-fixture.js';

const settled = (f: DeliveryFixture, id: string) => async () => !['pending', 'sending'].includes((await nudgeRow(f, id)).status);

describe('a worker with configured settings', () => {
  let f: DeliveryFixture;
  // Every day, all day: nothing in these tests waits for working hours.
  const window = { workDays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440 };
  beforeAll(async () => {
    f = await startDeliveryFixture();
    await f.startWorker({ config: { ...f.config, rhythm: { ...f.config.rhythm, backOffAfterUnanswered: 3 }, defaultWorkingHours: window } });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('still follows up after two unanswered follow-ups when back-off is after three, and backs off at three', async () => {
    const two = await seedLeader(f, 'U0TWOUNAN1', { unansweredFollowUps: 2 });
    const three = await seedLeader(f, 'U0THREEUN1', { unansweredFollowUps: 3 });
    const [sent] = await insertNudges(f, two, 1, { kind: 'follow_up' });
    const [held] = await insertNudges(f, three, 1, { kind: 'follow_up' });
    await f.reconcile();
    await waitFor(settled(f, sent!), 5_000, 'settled');
    await waitFor(settled(f, held!), 5_000, 'settled');
    expect((await nudgeRow(f, sent!)).status).toBe('sent');
    expect([(await nudgeRow(f, held!)).status, (await nudgeRow(f, held!)).reason]).toEqual(['skipped', 'backed_off']);
    expect(f.emu.dmWith(TEAM, three.leaderId)).toHaveLength(0);
  });

  it('records a recipient it has no row for with the configured window', async () => {
    const leader = await seedLeader(f, 'U0FIRSTME1');
    await f.db.db.delete(people).where(eq(people.userId, leader.leaderId));
    const [id] = await insertNudges(f, leader, 1);
    await f.reconcile();
    await waitFor(settled(f, id!), 5_000, 'settled');
    expect((await nudgeRow(f, id!)).status).toBe('sent');
    expect(await findPerson(f.db.db, TEAM, leader.leaderId)).toMatchObject({ workDays: window.workDays, workStartMinute: 0, workEndMinute: 1440 });
  });
});
