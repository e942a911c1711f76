// Asking questions on real Postgres: what was asked is stored per leader and moment, the
// next draw never repeats it, the coach's own questions come first, and the level of the
// leader's target decides which of the bank's level questions may be drawn.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCoachQuestion } from '../../db/questions.js';
import { askedQuestions, targets } from '../../db/schema/index.js';
import { rowSeal, newRowId } from '../../db/sealed.js';
import { QUESTION_BANK } from '../../src/domain/questions/bank.js';
import { askQuestions, questionsAsked } from '../../src/services/questions.js';
import { checkInHints } from '../../src/services/leader-records.js';
import { contractingQuestions } from '../../src/services/engagement-contracting.js';
import { LEADER, TEAM, seedEngagement, startEngagementHarness, type EngagementHarness } from '../slack/engagement-support.js';

let h: EngagementHarness;
let engagementId: string;
const OTHER = 'U0LEADERQQ';
const ctx = () => ({ db: h.db.db, cipher: h.cipher, now: () => new Date() });

beforeAll(async () => {
  h = await startEngagementHarness();
  engagementId = (await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000) })).engagement.id;
  const id = newRowId();
  const descriptionEnc = rowSeal(h.cipher, 'targets', { teamId: TEAM, id }).seal('description_enc', 'Set direction for the quarter');
  await h.db.db.insert(targets).values({ id, teamId: TEAM, engagementId, position: 1, descriptionEnc, baseline: 4, level: 4 });
});
afterAll(async () => h?.close());

describe('asking a leader questions', () => {
  it('stores the id asked at each moment and never asks it again next time, with the same seed', async () => {
    const input = { teamId: TEAM, leaderId: LEADER, engagementId, seed: 'same' };
    let last = '';
    for (let i = 0; i < 12; i++) {
      const asked = await askQuestions(ctx(), input, ['goal', 'will']);
      expect(asked.goal.id).not.toBe(last);
      last = asked.goal.id;
      const [row] = await h.db.db.select().from(askedQuestions).where(and(eq(askedQuestions.leaderId, LEADER), eq(askedQuestions.use, 'goal')));
      expect(row!.questionId).toBe(asked.goal.id);
      // Drawn for the target's level (4) or for any level, never another level's.
      expect([null, 4]).toContain(QUESTION_BANK.find((q) => q.id === asked.goal.id)!.level);
    }
  });

  it('shows again what was asked last, without drawing a new one', async () => {
    const input = { teamId: TEAM, leaderId: LEADER, engagementId, seed: 'x' };
    const asked = await askQuestions(ctx(), input, ['prep_want']);
    const again = await questionsAsked(ctx(), input, ['prep_want']);
    expect(again.prep_want).toEqual(asked.prep_want);
  });

  it('asks the coach\'s own question first, then the bank, so it is not asked twice in a row', async () => {
    await insertCoachQuestion(h.db.db, h.cipher, { teamId: TEAM, engagementId, use: 'reflect_learned', text: 'What would your team say you learned?' });
    const input = { teamId: TEAM, leaderId: LEADER, engagementId, seed: 's' };
    const first = await askQuestions(ctx(), input, ['reflect_learned']);
    expect(first.reflect_learned.text).toBe('What would your team say you learned?');
    const second = await askQuestions(ctx(), input, ['reflect_learned']);
    expect(second.reflect_learned.id.startsWith('learned-')).toBe(true);
    const third = await askQuestions(ctx(), input, ['reflect_learned']);
    expect(third.reflect_learned.text).toBe('What would your team say you learned?');
  });

  it('keeps each leader\'s history apart, and a leader outside any engagement gets only questions for any level', async () => {
    const asked = await askQuestions(ctx(), { teamId: TEAM, leaderId: OTHER, engagementId: null, seed: 'o' }, ['options']);
    expect(QUESTION_BANK.find((q) => q.id === asked.options.id)!.level).toBeNull();
    const rows = await h.db.db.select().from(askedQuestions).where(eq(askedQuestions.leaderId, OTHER));
    expect(rows.map((r) => r.use)).toEqual(['options']);
  });
});

describe('the styles’ and contracting’s questions come from the bank, never twice in a row', () => {
  const bankOf = (use: string) => QUESTION_BANK.filter((q) => q.use === use).map((q) => q.text);

  it('the experiment’s expectation changes from one check-in to the next, and only the fields shown are drawn', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const hints = await checkInHints(ctx(), TEAM, LEADER, engagementId, 'experiment');
      expect(bankOf('expectation')).toContain(hints.expectation);
      expect(hints.expectation).not.toBe(seen.at(-1));
      seen.push(hints.expectation!);
    }
    const light = await checkInHints(ctx(), TEAM, 'U0LIGHT001', null, 'light');
    expect(Object.keys(light).sort()).toEqual(['goal', 'will']);
  });

  it('goal first’s own goal question changes from one check-in to the next', async () => {
    const first = await checkInHints(ctx(), TEAM, LEADER, engagementId, 'goal_first');
    const second = await checkInHints(ctx(), TEAM, LEADER, engagementId, 'goal_first');
    for (const hints of [first, second]) expect(bankOf('goal_own')).toContain(hints.goal_own);
    expect(second.goal_own).not.toBe(first.goal_own);
    expect(bankOf('goal')).toContain(first.goal);
  });

  it('a leader contracting again is not asked the same coachability questions as last time', async () => {
    const who = { teamId: TEAM, userId: 'U0AGAIN001', engagementId };
    const first = await contractingQuestions(ctx(), who);
    const second = await contractingQuestions(ctx(), who);
    expect(bankOf('contracting_worked')).toContain(first.worked);
    expect(bankOf('contracting_not_worked')).toContain(first.not_worked);
    expect(bankOf('contracting_worthwhile')).toContain(first.worthwhile);
    expect(second.worked).not.toBe(first.worked);
    expect(second.not_worked).not.toBe(first.not_worked);
    expect(second.worthwhile).not.toBe(first.worthwhile);
  });

  it('a coach’s own contracting question comes first', async () => {
    await insertCoachQuestion(h.db.db, h.cipher, { teamId: TEAM, engagementId, use: 'contracting_worthwhile', text: 'What would your team thank you for in six months?' });
    const asked = await contractingQuestions(ctx(), { teamId: TEAM, userId: 'U0COACHQ01', engagementId });
    expect(asked.worthwhile).toBe('What would your team thank you for in six months?');
  });
});
