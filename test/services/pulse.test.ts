// The stakeholder pulse through its service verbs on a real Postgres: naming stakeholders
// opens the baseline and plans every message; answers and declines count once; results
// come only at the close and only from three answers; the coach sees what the leader
// shared and nothing else.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRoundByStage } from '../../db/pulse.js';
import { engagements, nudges, pulseInvitations, pulseResponses, pulseRounds } from '../../db/schema/index.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { answerPulse, checkPulse, declinePulse } from '../../src/services/pulse-answer.js';
import { pulseQuestionFacts, pulseResultsFacts, pulseSharedFacts } from '../../src/services/pulse-delivery.js';
import { roundResults, sharePulse } from '../../src/services/pulse-results.js';
import { loadStakeholderChoice, nameStakeholders } from '../../src/services/pulse-stakeholders.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';
import { berlin, COACH, LEADER, pulseWorld, seedContracted, STAKEHOLDERS, TEAM, type PulseWorld } from './pulse-support.js';

let database: TestDatabase;
let world: PulseWorld;
let engagementId: string;
let targetIds: string[];

const pulseRows = () =>
  database.db.select().from(nudges).where(and(eq(nudges.engagementId, engagementId))).then((rows) => rows.filter((r) => r.kind.startsWith('pulse_')));
const baseline = async () => (await findRoundByStage(database.db, TEAM, engagementId, 'baseline'))!;
const row = (recipientId: string) => ({ teamId: TEAM, recipientId, engagementId, ref: { stage: 'baseline' } });
const answer = (userId: string, values: Record<string, string>) => answerPulse(world.ctx, { teamId: TEAM, userId, roundId: roundId!, values });
let roundId: string | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
  world = pulseWorld(database, berlin('2027-03-03', '10:00'));
  ({ engagement: { id: engagementId }, targetIds } = await seedContracted(world, { firstDate: '2027-03-02', contractedAt: berlin('2027-03-02', '12:00') }));
});
afterAll(async () => {
  await database?.drop();
});

describe('naming stakeholders', () => {
  it('refuses fewer than three, the leader or the coach, and changes nothing', async () => {
    const tooFew = await nameStakeholders(world.ctx, { teamId: TEAM, userId: LEADER, engagementId, selected: STAKEHOLDERS.slice(0, 2) });
    expect(tooFew).toEqual({ outcome: 'invalid', error: 'Choose between 3 and 8 people.' });
    expect((await nameStakeholders(world.ctx, { teamId: TEAM, userId: LEADER, engagementId, selected: [COACH, ...STAKEHOLDERS] })).outcome).toBe('invalid');
    expect(await nameStakeholders(world.ctx, { teamId: TEAM, userId: COACH, engagementId, selected: STAKEHOLDERS })).toEqual({ outcome: 'stale' });
    expect(await database.db.select().from(pulseRounds)).toEqual([]);
  });

  it('opens the baseline round at once and plans a question and one reminder for each person, and the results for the leader', async () => {
    const saved = await nameStakeholders(world.ctx, { teamId: TEAM, userId: LEADER, engagementId, selected: STAKEHOLDERS });
    expect(saved).toEqual({ outcome: 'saved', count: 5, contracted: true });
    const round = await baseline();
    roundId = round.id;
    expect(round).toMatchObject({ opensAt: berlin('2027-03-03', '10:00'), closesAt: berlin('2027-03-10', '10:00') });
    const rows = (await pulseRows()).filter((r) => r.ref.stage === 'baseline');
    for (const who of STAKEHOLDERS) {
      expect(rows.filter((r) => r.recipientId === who && r.kind === 'pulse_question').map((r) => r.dueAt)).toEqual([round.opensAt]);
      expect(rows.filter((r) => r.recipientId === who && r.kind === 'pulse_reminder').map((r) => r.dueAt)).toEqual([berlin('2027-03-08', '10:00')]);
    }
    expect(rows.filter((r) => r.kind === 'pulse_results').map((r) => [r.recipientId, r.dueAt])).toEqual([[LEADER, round.closesAt]]);
    // The later rounds are planned too, each opening after the one before has closed.
    const stages = (await database.db.select().from(pulseRounds).where(eq(pulseRounds.engagementId, engagementId))).sort((a, b) => +a.opensAt - +b.opensAt);
    expect(stages.map((r) => r.stage)).toEqual(['baseline', 'midpoint', 'closing']);
    expect(stages[1]!.opensAt.getTime()).toBeGreaterThanOrEqual(round.closesAt.getTime());
  });

  it('keeps an opened round’s people as they were, and asks the new set in rounds to come', async () => {
    const next = [...STAKEHOLDERS.slice(1), 'U0STAKE009'];
    await nameStakeholders(world.ctx, { teamId: TEAM, userId: LEADER, engagementId, selected: next });
    const invited = async (stage: 'baseline' | 'midpoint') => {
      const r = (await findRoundByStage(database.db, TEAM, engagementId, stage))!;
      return (await database.db.select().from(pulseInvitations).where(eq(pulseInvitations.roundId, r.id))).map((i) => i.userId).sort();
    };
    expect(await invited('baseline')).toEqual([...STAKEHOLDERS].sort());
    expect(await invited('midpoint')).toEqual([...next].sort());
    const view = await loadStakeholderChoice(world.ctx, { teamId: TEAM, userId: LEADER });
    expect([...view!.stakeholders].sort()).toEqual([...next].sort());
    // The person no longer named keeps the baseline question, is not asked at the midpoint.
    const rows = await pulseRows();
    expect(rows.some((r) => r.recipientId === STAKEHOLDERS[0] && r.ref.stage === 'baseline' && r.status === 'pending')).toBe(true);
    expect(rows.some((r) => r.recipientId === STAKEHOLDERS[0] && r.ref.stage === 'midpoint' && r.status === 'pending')).toBe(false);
  });
});

describe('answering and declining', () => {
  it('lets only someone asked in the round answer, and not before it opens', async () => {
    expect(await checkPulse(world.ctx, { teamId: TEAM, userId: 'U0NOTASKED', roundId: roundId! })).toEqual({ outcome: 'refused' });
    const mid = (await findRoundByStage(database.db, TEAM, engagementId, 'midpoint'))!;
    expect(await checkPulse(world.ctx, { teamId: TEAM, userId: STAKEHOLDERS[1]!, roundId: mid.id })).toEqual({ outcome: 'stale', reason: 'not_open' });
  });

  it('stores an answer without the person, and takes it only once', async () => {
    expect(await answer(STAKEHOLDERS[0]!, { suggestion1: 'Qzsecret-answer let others finish' })).toEqual({ outcome: 'saved' });
    expect(await answer(STAKEHOLDERS[0]!, { suggestion1: 'again' })).toEqual({ outcome: 'stale', reason: 'answered' });
    const stored = await database.db.select().from(pulseResponses);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(STAKEHOLDERS[0]);
    expect(stored[0]!.suggestionEnc).not.toContain('Qzsecret');
    expect(stored[0]!.targetId).toBe(targetIds[0]);
  });

  it('makes declining final for the round', async () => {
    expect(await declinePulse(world.ctx, { teamId: TEAM, userId: STAKEHOLDERS[4]!, roundId: roundId! })).toEqual({ outcome: 'declined' });
    expect(await answer(STAKEHOLDERS[4]!, { suggestion1: 'changed my mind' })).toEqual({ outcome: 'stale', reason: 'declined' });
    expect(await pulseQuestionFacts({ db: database.db, cipher: world.ctx.cipher, row: row(STAKEHOLDERS[4]!), now: world.clock.now })).toEqual({ applies: false, status: 'skipped', reason: 'declined' });
  });

  it('sends the reminder only to people still asked', async () => {
    const now = berlin('2027-03-08', '10:00');
    const facts = (who: string) => pulseQuestionFacts({ db: database.db, cipher: world.ctx.cipher, row: row(who), now });
    expect(await facts(STAKEHOLDERS[0]!)).toMatchObject({ applies: false, reason: 'answered' });
    expect(await facts(STAKEHOLDERS[1]!)).toMatchObject({ applies: true, stage: 'baseline', leaderId: LEADER, targets: ['Qzsecret-target listening in meetings', 'Qzsecret-target giving feedback early'] });
    expect(await facts('U0NOTASKED')).toMatchObject({ applies: false, status: 'cancelled', reason: 'not_invited' });
  });

  it('never logs what was answered, nor who answered next to it', () => {
    const lines = world.logLines.filter((l) => l.includes('pulse'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toContain('Qzsecret');
      for (const who of STAKEHOLDERS) expect(line).not.toContain(who);
    }
  });
});

describe('results', () => {
  it('are not read while the round is open, however many answered', async () => {
    await answer(STAKEHOLDERS[1]!, { suggestion2: 'Qzsecret-answer ask before advising' });
    await answer(STAKEHOLDERS[2]!, {});
    const open = await roundResults(world.ctx, await baseline());
    expect(open.release).toEqual({ released: false, reason: 'still_open', answered: 0 });
    expect(await sharePulse(world.ctx, { teamId: TEAM, userId: LEADER, roundId: roundId!, visibility: 'shared' })).toEqual({ outcome: 'stale', reason: 'not_released' });
  });

  it('are released at the close from three answers, suggestions included, to the leader only', async () => {
    world.clock.now = berlin('2027-03-10', '10:00');
    const facts = await pulseResultsFacts({ db: database.db, cipher: world.ctx.cipher, row: row(LEADER), now: world.clock.now });
    expect(facts.applies).toBe(true);
    if (!facts.applies) return;
    expect(facts.asked).toBe(5);
    expect(facts.results.release).toMatchObject({ released: true, answered: 3 });
    if (!facts.results.release.released) return;
    expect(facts.results.release.targets.flatMap((t) => t.suggestions).sort()).toEqual(['Qzsecret-answer ask before advising', 'Qzsecret-answer let others finish']);
    expect(await pulseResultsFacts({ db: database.db, cipher: world.ctx.cipher, row: row(COACH), now: world.clock.now })).toMatchObject({ applies: false, reason: 'recipient_not_leader' });
  });

  it('refuses answers once the round has closed', async () => {
    expect(await answer(STAKEHOLDERS[3]!, {})).toEqual({ outcome: 'stale', reason: 'closed' });
  });

  it('reach the coach only after the leader shares them, and only as shared', async () => {
    const coachRow = { ...row(COACH) };
    expect(await pulseSharedFacts({ db: database.db, cipher: world.ctx.cipher, row: coachRow, now: world.clock.now })).toMatchObject({ applies: false, status: 'cancelled' });
    expect((await pulseRows()).some((r) => r.kind === 'pulse_shared')).toBe(false);
    expect(await sharePulse(world.ctx, { teamId: TEAM, userId: COACH, roundId: roundId!, visibility: 'shared' })).toEqual({ outcome: 'refused' });
    expect(await sharePulse(world.ctx, { teamId: TEAM, userId: LEADER, roundId: roundId!, visibility: 'summary' })).toEqual({ outcome: 'shared', visibility: 'summary' });
    expect(await sharePulse(world.ctx, { teamId: TEAM, userId: LEADER, roundId: roundId!, visibility: 'shared' })).toEqual({ outcome: 'stale', reason: 'already_shared' });
    const planned = (await pulseRows()).filter((r) => r.kind === 'pulse_shared');
    expect(planned.map((r) => [r.recipientId, r.status])).toEqual([[COACH, 'pending']]);
    const shared = await pulseSharedFacts({ db: database.db, cipher: world.ctx.cipher, row: coachRow, now: world.clock.now });
    expect(shared).toMatchObject({ applies: true, view: { answered: 3, withSuggestions: false } });
    expect(JSON.stringify(shared.applies && shared.view)).not.toContain('Qzsecret-answer');
    // Anyone but the coach gets nothing, whatever the row says.
    expect(await pulseSharedFacts({ db: database.db, cipher: world.ctx.cipher, row: row(STAKEHOLDERS[1]!), now: world.clock.now })).toMatchObject({ applies: false });
  });
});

describe('a round with fewer than three answers', () => {
  it('shows nothing at its close', async () => {
    const other = pulseWorld(database, berlin('2027-03-03', '10:00'));
    const { engagement } = await seedContracted(other, { leaderId: 'U0LEAD0002', firstDate: '2027-03-02', contractedAt: berlin('2027-03-02', '12:00') });
    await nameStakeholders(other.ctx, { teamId: TEAM, userId: 'U0LEAD0002', engagementId: engagement.id, selected: STAKEHOLDERS.slice(0, 3) });
    const round = (await findRoundByStage(database.db, TEAM, engagement.id, 'baseline'))!;
    for (const who of STAKEHOLDERS.slice(0, 2)) await answerPulse(other.ctx, { teamId: TEAM, userId: who, roundId: round.id, values: { suggestion1: 'Qzsecret-answer x' } });
    other.clock.now = round.closesAt;
    expect((await roundResults(other.ctx, round)).release).toEqual({ released: false, reason: 'too_few_answers', answered: 2 });
  });
});

describe('an engagement that ends', () => {
  it('drops the rounds not yet open and stops asking, but still owes the leader an open round’s results', async () => {
    const other = pulseWorld(database, berlin('2027-03-03', '10:00'));
    const { engagement } = await seedContracted(other, { leaderId: 'U0LEAD0003', firstDate: '2027-03-02', contractedAt: berlin('2027-03-02', '12:00') });
    await nameStakeholders(other.ctx, { teamId: TEAM, userId: 'U0LEAD0003', engagementId: engagement.id, selected: STAKEHOLDERS.slice(0, 3) });
    await database.db.update(engagements).set({ status: 'ended', endedAt: other.clock.now }).where(eq(engagements.id, engagement.id));
    await syncEngagementPlan(database.db, { teamId: TEAM, engagementId: engagement.id, now: other.clock.now });
    const rounds = await database.db.select().from(pulseRounds).where(eq(pulseRounds.engagementId, engagement.id));
    expect(rounds.map((r) => r.stage)).toEqual(['baseline']);
    const pending = (await database.db.select().from(nudges).where(and(eq(nudges.engagementId, engagement.id), eq(nudges.status, 'pending')))).filter((r) => r.kind.startsWith('pulse_'));
    expect(pending.map((r) => r.kind).filter((k) => k === 'pulse_results')).toEqual(['pulse_results']);
    const question = pending.find((r) => r.kind === 'pulse_question')!;
    expect(await pulseQuestionFacts({ db: database.db, cipher: other.ctx.cipher, row: { ...question, ref: question.ref }, now: other.clock.now })).toEqual({ applies: false, status: 'cancelled', reason: 'engagement_ended' });
  });
});
