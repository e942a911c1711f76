// Every fallback wording Grow shows when nothing was drawn yet is itself a bank entry, and
// the builders put a drawn question where the leader reads it.
import { describe, expect, it } from 'vitest';
import { ANSWER_TEXT } from '../../../src/domain/engagement/follow-up.js';
import { PREP_QUESTIONS, REFLECT_QUESTIONS } from '../../../src/domain/engagement/reflection.js';
import { QUESTION_BANK } from '../../../src/domain/questions/bank.js';
import { checkInModal } from '../../../src/slack/blocks/checkin-modal.js';
import { answeredMessage } from '../../../src/slack/blocks/engagement-follow-up-answer.js';
import { closingSummaryMessage } from '../../../src/slack/blocks/review-modal.js';

const inBank = (text: string) => QUESTION_BANK.some((q) => q.text === text);

describe('prompts come from the bank', () => {
  it('the default follow-up, reflection and prep questions are bank entries', () => {
    for (const text of [...Object.values(ANSWER_TEXT).map((a) => a.question), ...Object.values(REFLECT_QUESTIONS), ...Object.values(PREP_QUESTIONS)]) expect(inBank(text), text).toBe(true);
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
