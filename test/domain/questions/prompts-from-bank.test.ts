// Every fallback wording Grow shows when nothing was drawn yet is itself a bank entry, and
// the builders put a drawn question where the leader reads it.
import { describe, expect, it } from 'vitest';
import { ANSWER_TEXT } from '../../../src/domain/engagement/follow-up.js';
import { PREP_QUESTIONS, REFLECT_QUESTIONS } from '../../../src/domain/engagement/reflection.js';
import { QUESTION_BANK } from '../../../src/domain/questions/bank.js';
import { checkInModal } from '../../../src/slack/blocks/checkin-modal.js';
import { answeredMessage } from '../../../src/slack/blocks/engagement-follow-up-answer.js';
import { closingSummaryMessage, reviewModal } from '../../../src/slack/blocks/review-modal.js';
import { COACHABILITY_QUESTIONS, COACHABILITY_USES } from '../../../src/domain/engagement/contracting.js';
import { defaultQuestion } from '../../../src/domain/questions/draw.js';
import { contractingModal } from '../../../src/slack/blocks/contracting-modal.js';
import { buildReviewMessage } from '../../../src/slack/blocks/nudge-review.js';
import { askedFromView } from '../../../src/slack/checkin/checkin-form.js';
import { checkInQuestionUses } from '../../../src/domain/checkin/questions.js';

const inBank = (text: string) => QUESTION_BANK.some((q) => q.text === text);
const ID = '00000000-0000-4000-8000-000000000001';
const labelOf = (blocks: unknown[], blockId: string) => (blocks.find((b) => (b as { block_id?: string }).block_id === blockId) as { label?: { text: string } } | undefined)?.label?.text;

describe('prompts come from the bank', () => {
  it('the default follow-up, reflection and prep questions are bank entries', () => {
    for (const text of [...Object.values(ANSWER_TEXT).map((a) => a.question), ...Object.values(REFLECT_QUESTIONS), ...Object.values(PREP_QUESTIONS)]) expect(inBank(text), text).toBe(true);
  });

  it('the open contracting questions are bank entries, and the modal asks the ones drawn', () => {
    for (const key of Object.keys(COACHABILITY_USES) as (keyof typeof COACHABILITY_USES)[]) expect(COACHABILITY_QUESTIONS[key]).toBe(defaultQuestion(COACHABILITY_USES[key]));
    const drawn = { worked: 'When you last changed a habit at work, what helped it stick?', not_worked: 'Which kinds of help have left you cold, and why?', worthwhile: 'What would you like to be able to say about this coaching when it ends?' };
    for (const text of Object.values(drawn)) expect(inBank(text), text).toBe(true);
    const view = contractingModal({ engagementId: ID, coachId: 'U0COACH001', questions: drawn });
    for (const [field, text] of Object.entries(drawn)) expect(labelOf(view.blocks, field), field).toBe(text);
    const plain = contractingModal({ engagementId: ID, coachId: 'U0COACH001' });
    for (const field of ['worked', 'not_worked', 'worthwhile']) expect(inBank(labelOf(plain.blocks, field)!), field).toBe(true);
  });

  it('the check-in asks the style’s own questions from the bank as labels, and the revisit step asks them again', () => {
    expect(checkInQuestionUses('goal_first')).toEqual(['goal', 'goal_own', 'reality', 'options', 'will']);
    expect(checkInQuestionUses('experiment')).toEqual(['goal', 'reality', 'options', 'will', 'expectation']);
    expect(checkInQuestionUses('light')).toEqual(['goal', 'will']);
    const own = 'What would make the next two weeks worth it to you, for your own sake?';
    const expectation = 'How do you expect people to respond when you try it?';
    for (const text of [own, expectation]) expect(inBank(text), text).toBe(true);
    const goalFirst = checkInModal({ step: 'checkin', style: 'goal_first', hints: { goal_own: own } });
    expect(labelOf(goalFirst.blocks, 'goal')).toBe(own);
    const experiment = checkInModal({ step: 'checkin', style: 'experiment', hints: { expectation } });
    expect(labelOf(experiment.blocks, 'expectation')).toBe(expectation);
    // Before anything is drawn, the bank's first for the moment.
    expect(labelOf(checkInModal({ step: 'checkin', style: 'experiment' }).blocks, 'expectation')).toBe(defaultQuestion('expectation'));
    const revisit = checkInModal({ step: 'revisit', style: 'experiment', hints: askedFromView(experiment.blocks), draft: { commitment: 5 } });
    expect(labelOf(revisit.blocks, 'expectation')).toBe(expectation);
    const ownRevisit = checkInModal({ step: 'revisit', style: 'goal_first', hints: askedFromView(goalFirst.blocks), draft: { commitment: 5 } });
    expect(labelOf(ownRevisit.blocks, 'goal')).toBe(own);
  });

  it('the midpoint review opens with the drawn bank question, in the DM and in its modal', () => {
    const drawn = 'What has moved since you set your targets, and what has not?';
    expect(inBank(drawn)).toBe(true);
    const dm = JSON.stringify(buildReviewMessage({ nudgeId: ID, engagementId: ID, stage: 'midpoint', targets: [{ description: 'Ask first', baseline: 4 }], question: drawn }).blocks);
    expect(dm).toContain(drawn);
    const modal = reviewModal({ meta: { nudgeId: ID, engagementId: ID }, stage: 'midpoint', targets: [{ position: 1, description: 'Ask first', baseline: 4, midpointRating: null, closingRating: null }], opening: drawn });
    expect(JSON.stringify(modal.blocks)).toContain(drawn);
    expect(JSON.stringify(buildReviewMessage({ nudgeId: ID, engagementId: ID, stage: 'midpoint', targets: [] }).blocks)).toContain(defaultQuestion('midpoint'));
  });

  it('the check-in shows each drawn GROW hint under its field', () => {
    const hints = { goal: 'What do you want to be different two weeks from now?', reality: 'What do you notice in yourself when this situation comes up?', options: 'What else could you do? And what else?', will: 'Who will see you do it?' };
    const view = checkInModal({ step: 'checkin', hints });
    for (const [field, hint] of Object.entries(hints)) {
      const block = view.blocks.find((b) => b.block_id === field) as { hint?: { text: string } } | undefined;
      expect(block?.hint?.text, field).toContain(hint);
    }
  });

  it('the answered follow-up asks the drawn question; the closing summary, with the sessions over, asks none', () => {
    const view = { nudgeId: '00000000-0000-4000-8000-000000000001', actionId: '00000000-0000-4000-8000-000000000002', actionText: 'Ask first', dueAt: new Date(), status: 'done', answeredAt: new Date(), tz: 'UTC', question: 'How did people respond?' };
    expect(JSON.stringify(answeredMessage(view, 'done').blocks)).toContain('How did people respond?');
    const closing = JSON.stringify(closingSummaryMessage([]).blocks);
    expect(closing).not.toContain('?');
    expect(closing).toContain('/grow export');
  });
});
