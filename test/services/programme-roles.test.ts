// Programme roles on a real Postgres: who may start an engagement once a coach list
// exists, who may manage the programme, what a sponsor sees (their own engagements only),
// and that a programme admin of one workspace sees nothing of another's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { engagements } from '../../db/schema/index.js';
import { createEngagement, NOT_A_COACH } from '../../src/services/engagement.js';
import { loadProgrammeReport, loadProgrammeRoles, loadSponsoredEngagements, saveProgrammeRoles, setProgramme } from '../../src/services/programme.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { collectPersonalData, erasePersonalData } from '../../db/personal-data.js';
import { saveSponsorAnswer } from '../../db/sponsor-answers.js';
import { pulseWorld, type PulseWorld } from './pulse-support.js';

const A = 'T0TEAMAAAA';
const B = 'T0TEAMBBBB';
const [COACH, OTHER_COACH, LEADER, LEADER_2, SPONSOR, OTHER_SPONSOR, ADMIN, ADDED] = ['U0COACH001', 'U0COACH002', 'U0LEAD0001', 'U0LEAD0002', 'U0SPON0001', 'U0SPON0002', 'U0ADMIN001', 'U0ADDED001'];

let database: TestDatabase;
let world: PulseWorld;
beforeAll(async () => {
  database = await createTestDatabase();
  world = pulseWorld(database, new Date('2026-03-02T09:00:00Z'));
});
afterAll(async () => database?.drop());
beforeEach(async () => {
  await database.db.execute(sql`truncate engagements, nudges, people, programme_admins, programme_coaches, sponsor_answers cascade`);
});

const values = (leader: string, sponsor?: string) => ({ leader, sponsor, startDate: '2026-03-10', sessionTime: '10:00', sessions: '6', cadence: '14', sessionLength: '60' });
const person = async () => ({ isBot: false, deleted: false, tz: 'Europe/Berlin' });
const create = (teamId: string, coachId: string, leader: string, sponsor?: string) => createEngagement(world.ctx, { teamId, coachId, values: values(leader, sponsor), lookUpLeader: person });

async function activate(teamId: string, engagementId: string, held = 0) {
  await database.db.execute(sql`update engagements set status = 'active', responded_at = now() where id = ${engagementId} and team_id = ${teamId}`);
  if (held > 0) await database.db.execute(sql`update sessions set status = 'held' where engagement_id = ${engagementId} and seq <= ${held}`);
}

describe('who may coach', () => {
  it('lets anyone start an engagement while the coach list is empty', async () => {
    expect((await create(A, COACH, LEADER)).outcome).toBe('created');
  });

  it('refuses someone not on the coach list once there is one, and lets a listed coach start', async () => {
    const saved = await saveProgrammeRoles(world.ctx, { teamId: A, userId: ADMIN, slackAdmin: true, admins: [], coaches: [OTHER_COACH] });
    expect(saved.outcome).toBe('saved');
    expect(await create(A, COACH, LEADER)).toEqual({ outcome: 'invalid', errors: { leader: NOT_A_COACH } });
    expect(await database.db.select().from(engagements)).toHaveLength(0);
    expect((await create(A, OTHER_COACH, LEADER)).outcome).toBe('created');
    // Another workspace's list is its own: anyone may coach in B.
    expect((await create(B, COACH, LEADER)).outcome).toBe('created');
  });

  it('lets only programme admins change the lists; an added admin may manage them but not drop themselves', async () => {
    expect((await saveProgrammeRoles(world.ctx, { teamId: A, userId: COACH, slackAdmin: false, admins: [COACH], coaches: [] })).outcome).toBe('refused');
    await saveProgrammeRoles(world.ctx, { teamId: A, userId: ADMIN, slackAdmin: true, admins: [ADDED], coaches: [] });
    expect(await saveProgrammeRoles(world.ctx, { teamId: A, userId: ADDED, slackAdmin: false, admins: [], coaches: [COACH] })).toMatchObject({ outcome: 'invalid', field: 'admins' });
    expect((await saveProgrammeRoles(world.ctx, { teamId: A, userId: ADDED, slackAdmin: false, admins: [ADDED], coaches: [COACH] })).outcome).toBe('saved');
    expect(await loadProgrammeRoles(world.ctx, A)).toEqual({ admins: [ADDED], coaches: [COACH] });
    // Added in A is nothing in B.
    expect((await saveProgrammeRoles(world.ctx, { teamId: B, userId: ADDED, slackAdmin: false, admins: [ADDED], coaches: [] })).outcome).toBe('refused');
  });

  it('refuses a sponsor who is the leader or the coach', async () => {
    expect(await create(A, COACH, LEADER, LEADER)).toMatchObject({ outcome: 'invalid', errors: { sponsor: expect.stringContaining('other than the leader') } });
    expect(await create(A, COACH, LEADER, COACH)).toMatchObject({ outcome: 'invalid', errors: { sponsor: expect.stringContaining('other than you') } });
  });
});

describe('what sponsors and programme admins see', () => {
  it('shows a sponsor their own engagements only, as process facts', async () => {
    const mine = await create(A, COACH, LEADER, SPONSOR);
    const theirs = await create(A, OTHER_COACH, LEADER_2, OTHER_SPONSOR);
    if (mine.outcome !== 'created' || theirs.outcome !== 'created') throw new Error('not created');
    await activate(A, mine.engagement.id, 2);
    const views = await loadSponsoredEngagements(world.ctx, A, SPONSOR);
    expect(views.map((v) => v.engagementId)).toEqual([mine.engagement.id]);
    expect(views[0]).toMatchObject({ status: 'active', sessionsHeld: 2, sessionsPlanned: 6, contractedOn: null });
    expect(await loadSponsoredEngagements(world.ctx, B, SPONSOR)).toEqual([]);
    expect(await loadSponsoredEngagements(world.ctx, A, LEADER)).toEqual([]);
  });

  it('drops a declined invitation from every sponsor and admin view', async () => {
    const made = await create(A, COACH, LEADER, SPONSOR);
    if (made.outcome !== 'created') throw new Error('not created');
    await database.db.execute(sql`update engagements set status = 'declined' where id = ${made.engagement.id}`);
    expect(await loadSponsoredEngagements(world.ctx, A, SPONSOR)).toEqual([]);
    const report = await loadProgrammeReport(world.ctx, { teamId: A, userId: ADMIN, slackAdmin: true, minLeaders: 5 });
    expect(report.outcome === 'report' && report.report.rows).toEqual([]);
  });

  it('gives a programme admin of workspace A nothing of workspace B, and a non-admin nothing at all', async () => {
    const inA = await create(A, COACH, LEADER, SPONSOR);
    const inB = await create(B, COACH, LEADER_2, SPONSOR);
    if (inA.outcome !== 'created' || inB.outcome !== 'created') throw new Error('not created');
    const report = await loadProgrammeReport(world.ctx, { teamId: A, userId: ADMIN, slackAdmin: true, minLeaders: 5 });
    if (report.outcome !== 'report') throw new Error('refused');
    expect(report.report.rows.map((r) => r.engagementId)).toEqual([inA.engagement.id]);
    expect(report.report.cohorts[0]!.engagements).toBe(1);
    expect(await loadProgrammeReport(world.ctx, { teamId: A, userId: COACH, slackAdmin: false, minLeaders: 5 })).toEqual({ outcome: 'refused' });
    // An admin cannot put B's engagement in a programme from A.
    expect(await setProgramme(world.ctx, { teamId: A, userId: ADMIN, slackAdmin: true, engagementId: inB.engagement.id, name: 'Leaders 2026' })).toEqual({ outcome: 'refused' });
    expect(await setProgramme(world.ctx, { teamId: A, userId: ADMIN, slackAdmin: true, engagementId: inA.engagement.id, name: '  Leaders   2026 ' })).toEqual({ outcome: 'saved' });
    const after = await loadProgrammeReport(world.ctx, { teamId: A, userId: ADMIN, slackAdmin: true, minLeaders: 5 });
    expect(after.outcome === 'report' && after.report.cohorts.map((c) => c.programme)).toEqual([null, 'Leaders 2026']);
  });
});

describe('a sponsor’s own data', () => {
  it('is in their export, and erasing them removes their answers, their sponsorships and their roles', async () => {
    const made = await create(A, COACH, LEADER, SPONSOR);
    if (made.outcome !== 'created') throw new Error('not created');
    await activate(A, made.engagement.id);
    const nudgeId = '00000000-0000-4000-8000-000000000001';
    await saveSponsorAnswer(world.ctx.db, world.ctx.cipher, { teamId: A, engagementId: made.engagement.id, sponsorId: SPONSOR, kind: 'outcomes', text: 'Decisions made closer to the team', nudgeId, now: new Date() });
    await saveProgrammeRoles(world.ctx, { teamId: A, userId: ADMIN, slackAdmin: true, admins: [SPONSOR], coaches: [] });
    const exported = await collectPersonalData(world.ctx.db, world.ctx.cipher, A, SPONSOR);
    expect(exported.programme).toMatchObject({ programmeAdmin: true, sponsorOf: [{ engagementId: made.engagement.id }], sponsorAnswers: [{ question: 'outcomes', answer: 'Decisions made closer to the team' }] });
    await erasePersonalData(world.ctx.db, A, SPONSOR, new Date());
    expect(await loadSponsoredEngagements(world.ctx, A, SPONSOR)).toEqual([]);
    expect((await collectPersonalData(world.ctx.db, world.ctx.cipher, A, SPONSOR)).programme).toEqual({ programmeAdmin: false, onCoachList: false, sponsorOf: [], sponsorAnswers: [] });
    const [row] = await database.db.select().from(engagements);
    expect(row).toMatchObject({ sponsorId: null, status: 'active' });
  });
});
