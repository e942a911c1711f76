// A coach adds questions of their own from App Home: only the engagement's coach, only
// open questions, and Grow then asks them first at their moment.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { coachQuestionsOf } from '../../db/questions.js';
import { engagementQuestions } from '../../db/schema/index.js';
import { askQuestions } from '../../src/services/questions.js';
import { coachHomeBlocks } from '../../src/slack/blocks/coach-home.js';
import { actionIdsIn, click, COACH, LEADER, openedView, seedEngagement, startEngagementHarness, submit, TEAM, type EngagementHarness } from './engagement-support.js';

let h: EngagementHarness;
beforeAll(async () => {
  h = await startEngagementHarness();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.db.db.execute(sql`truncate engagements, nudges, people, asked_questions cascade`);
});

async function openFor(userId: string, engagementId: string) {
  const opens = h.emu.callsTo('views.open').length;
  await click(h, { userId, actionId: 'engagement_question_open', value: JSON.stringify({ engagementId }) });
  return { opens };
}

describe('a coach\'s own questions', () => {
  it('are offered on each open engagement of the roster', () => {
    const id = '00000000-0000-4000-8000-00000000000a';
    const blocks = coachHomeBlocks([{ engagement: { id, leaderId: LEADER, status: 'active' }, sessions: [], signals: { status: 'active', progress: { past: 0, total: 8 }, nextSessionAt: null, lastSharedCheckInAt: null, lastSharedCommitment: null }, attention: [] }], 'UTC', new Date());
    expect(actionIdsIn(blocks)).toContain('engagement_question_open');
  });

  it('are added through the modal and asked first at their moment', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000) });
    const { opens } = await openFor(COACH, engagement.id);
    const view = await openedView(h, opens);
    expect(view.callback_id).toBe('engagement_question_add');
    const { body } = await submit(h, COACH, view, { use: 'reflect_learned', text: '  What would   your team say changed?  ' });
    expect(body).toBeUndefined();
    const saved = await coachQuestionsOf(h.db.db, h.cipher, TEAM, engagement.id);
    expect(saved).toMatchObject([{ use: 'reflect_learned', text: 'What would your team say changed?' }]);
    const [row] = await h.db.db.select().from(engagementQuestions);
    expect(row!.textEnc).not.toContain('team');
    const asked = await askQuestions({ db: h.db.db, cipher: h.cipher, now: () => new Date() }, { teamId: TEAM, leaderId: LEADER, engagementId: engagement.id, seed: 'x' }, ['reflect_learned']);
    expect(asked.reflect_learned.text).toBe('What would your team say changed?');
  });

  it('must be questions: advice without a question mark is sent back inline', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000) });
    const { opens } = await openFor(COACH, engagement.id);
    const { body } = await submit(h, COACH, await openedView(h, opens), { use: 'goal', text: 'You should delegate more.' });
    expect(body).toMatchObject({ response_action: 'errors', errors: { text: expect.stringContaining('question mark') } });
    expect(await h.db.db.select().from(engagementQuestions)).toHaveLength(0);
  });

  it('are refused to anyone but the engagement\'s coach, privately, and nothing opens', async () => {
    const { engagement } = await seedEngagement(h, { status: 'active', firstAt: new Date(Date.now() + 3 * 86_400_000) });
    const { opens } = await openFor(LEADER, engagement.id);
    // From App Home the refusal is a small modal of its own, for the clicker only.
    const shown = await openedView(h, opens);
    expect(shown.callback_id).not.toBe('engagement_question_add');
    expect(JSON.stringify(shown.blocks)).not.toContain('When should Grow ask it?');
    expect(await h.db.db.select().from(engagementQuestions)).toHaveLength(0);
  });
});
