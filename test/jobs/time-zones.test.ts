// Time zones come from Slack: the sweep reads users.info for everyone not refreshed in
// a day, a changed zone re-plans the leader's nudges onto their new wall clock, and a
// person Slack no longer has stops receiving anything.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPerson } from '../../db/people.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { nudges, people } from '../../db/schema/index.js';
import { refreshTimeZones } from '../../jobs/refresh-time-zones.js';
import { applyUserChange } from '../../src/services/people-sync.js';
import { createSlackClients } from '../../jobs/slack-client.js';
import { createLogger } from '../../src/logger.js';
import { isWithinWorkingHours } from '../../src/domain/time/index.js';
import { BOT_TOKEN, seedLeader, startDeliveryFixture, TEAM, type DeliveryFixture } from './support/delivery-fixture.js';

describe('time zone refresh', () => {
  let f: DeliveryFixture;
  let deps: Parameters<typeof refreshTimeZones>[0];
  beforeAll(async () => {
    f = await startDeliveryFixture();
    const logger = createLogger('silent');
    deps = { db: f.db.db, logger, slack: createSlackClients({ apiUrl: f.emu.url, resolveBotToken: async () => BOT_TOKEN, logger }) };
  });
  afterAll(async () => {
    await f?.close();
  });

  it('reads stale zones from Slack, leaves fresh ones alone, and retires people Slack no longer has', async () => {
    const moved = await seedLeader(f, 'U0TZMOVE01', { tz: 'UTC' });
    f.emu.setUserTz(TEAM, moved.leaderId, 'Europe/Berlin');
    const fresh = await seedLeader(f, 'U0TZFRESH1', { tz: 'UTC', tzRefreshedAt: new Date() });
    f.emu.setUserTz(TEAM, fresh.leaderId, 'Asia/Tokyo');
    const gone = await seedLeader(f, 'U0TZGONE01', { tz: 'UTC' });
    f.emu.deactivateUser(TEAM, gone.leaderId);

    const result = await refreshTimeZones(deps, new Date());
    expect(result.changed).toBe(1);
    expect((await findPerson(f.db.db, TEAM, moved.leaderId))?.tz).toBe('Europe/Berlin');
    expect((await findPerson(f.db.db, TEAM, fresh.leaderId))?.tz).toBe('UTC');
    expect((await findPerson(f.db.db, TEAM, gone.leaderId))?.isActive).toBe(false);
    expect(f.emu.callsTo('users.info').map((c) => c.args.user)).not.toContain(fresh.leaderId);
  });

  it('a person retired by the sweep is asked again a day later, and active again when Slack has them', async () => {
    const back = await seedLeader(f, 'U0TZBACK01', { tz: 'UTC' });
    f.emu.deactivateUser(TEAM, back.leaderId);
    const now = new Date();
    await refreshTimeZones(deps, now);
    expect((await findPerson(f.db.db, TEAM, back.leaderId))?.isActive).toBe(false);
    // Whatever made Slack answer that way has passed.
    (f.emu as unknown as { store: { user(t: string, u: string): { deleted?: boolean } } }).store.user(TEAM, back.leaderId).deleted = false;
    await refreshTimeZones(deps, new Date(now.getTime() + 3_600_000));
    expect((await findPerson(f.db.db, TEAM, back.leaderId))?.isActive).toBe(false);
    await refreshTimeZones(deps, new Date(now.getTime() + 25 * 3_600_000));
    expect((await findPerson(f.db.db, TEAM, back.leaderId))?.isActive).toBe(true);
  });

  it('a user_change to a new zone re-plans pending nudges into the new working hours', async () => {
    const leader = await seedLeader(f, 'U0TZPLAN01', { tz: 'America/Los_Angeles', workDays: [1, 2, 3, 4, 5], workStartMinute: 540, workEndMinute: 1050 });
    await syncEngagementPlan(f.db.db, { teamId: TEAM, engagementId: leader.engagementId, now: new Date() });
    const tokyo = { tz: 'Asia/Tokyo', workDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1050 };
    const pendingIn = async () => f.db.db.select().from(nudges).where(eq(nudges.engagementId, leader.engagementId));
    expect((await pendingIn()).length).toBeGreaterThan(0);
    expect((await pendingIn()).every((r) => isWithinWorkingHours(r.dueAt, tokyo))).toBe(false);

    expect(await applyUserChange({ db: f.db.db }, { teamId: TEAM, userId: leader.leaderId, tz: 'Asia/Tokyo' }, new Date())).toBe(true);
    const [person] = await f.db.db.select().from(people).where(eq(people.userId, leader.leaderId));
    expect(person?.tz).toBe('Asia/Tokyo');
    const rows = (await pendingIn()).filter((r) => r.status === 'pending');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => isWithinWorkingHours(r.dueAt, tokyo))).toBe(true);
  });
});
