// The next-action modal: the leader's words prefilled (an over-long answer is cut to an
// action's length and says so), the check-in's visibility preselected, and the DM after
// saving says when Grow will ask, or how to check in when nothing is planned.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/domain/checkin/rules.js';
import { nextActionModal, nextActionSavedMessage } from '../../../src/slack/blocks/next-action.js';

const ID = '00000000-0000-4000-8000-000000000001';
const meta = { nudgeId: ID, actionId: ID };
type Input = { block_id: string; hint?: { text: string }; element: { initial_value?: string; initial_option?: { value: string } } };
const blockOf = (blocks: unknown[], id: string) => (blocks as Input[]).find((b) => b.block_id === id)!;

describe('next-action builders', () => {
  it('prefills the words and the visibility', () => {
    const view = nextActionModal({ meta, tryNext: 'Ask each person directly', previousText: 'Open with a question', visibility: 'shared' });
    expect(blockOf(view.blocks, 'will').element.initial_value).toBe('Ask each person directly');
    expect(blockOf(view.blocks, 'will').hint!.text).not.toContain('cut');
    expect(blockOf(view.blocks, 'visibility').element.initial_option!.value).toBe('shared');
  });

  it('cuts an answer longer than an action, and says the reflection keeps it all', () => {
    const long = 'x'.repeat(LIMITS.will + 40);
    const will = blockOf(nextActionModal({ meta, tryNext: long, previousText: 'Open', visibility: 'summary' }).blocks, 'will');
    expect(will.element.initial_value).toHaveLength(LIMITS.will);
    expect(will.hint!.text).toContain('your reflection keeps all of it');
  });

  it('says when Grow will ask, or how to check in when nothing is planned', () => {
    const at = new Date('2026-03-13T16:00:00Z');
    const planned = JSON.stringify(nextActionSavedMessage({ previousText: 'a', will: 'b', dueAt: at, followUpAt: at, visibility: 'private', tz: 'Europe/Paris' }).blocks);
    expect(planned).toContain("I'll ask how it went on Fri 13 Mar at 17:00.");
    expect(planned).toContain('Saved — only me.');
    const none = JSON.stringify(nextActionSavedMessage({ previousText: 'a', will: 'b', dueAt: at, followUpAt: null, visibility: 'summary', tz: 'UTC' }).blocks);
    expect(none).toContain('/grow');
  });
});
