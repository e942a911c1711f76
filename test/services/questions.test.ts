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
