// Every check-in surface stays within Slack's limits, even with maximal input.
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/domain/checkin/rules.js';
import { checkInModal } from '../../../src/slack/blocks/checkin-modal.js';
import { checkInConfirmation } from '../../../src/slack/blocks/checkin-confirmation.js';
import { historyBlocks } from '../../../src/slack/blocks/history.js';
import { leaderHomeView } from '../../../src/slack/blocks/leader-home.js';
import { validateMessageBlocks, validateView } from '../../emulator/block-kit/validate-surface.js';
import { coachSeesSentence } from '../../../src/domain/privacy/promises.js';

const long = (n: number) => `<!channel> ${'é&'.repeat(n)}`.slice(0, n);
const maxDraft = {
  goal: long(LIMITS.goal),
  reality: long(LIMITS.reality),
  options: long(LIMITS.options),
  will: long(LIMITS.will),
  makeItTen: long(LIMITS.makeItTen),
  commitment: 3,
  visibility: 'shared' as const,
  dueDate: '2026-12-01',
};
const targets = [1, 2, 3].map((i) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, description: long(3000) }));

describe('check-in modal', () => {
  it('is valid Block Kit for the first step with targets and for the revisit step with maximal input', () => {
    expect(validateView(checkInModal({ step: 'checkin', targets }) as never)).toEqual([]);
    expect(validateView(checkInModal({ step: 'revisit', targets, draft: { ...maxDraft, targetId: targets[0]!.id } }) as never)).toEqual([]);
  });

  it('uses the stable block ids and asks questions, not labels', () => {
    const view = checkInModal({ step: 'checkin' });
    const inputs = view.blocks.filter((b) => b.type === 'input') as { block_id: string; label: { text: string } }[];
    expect(inputs.map((b) => b.block_id)).toEqual(['goal', 'reality', 'options', 'will', 'will_due', 'commitment', 'visibility']);
    for (const b of inputs) expect(b.label.text).toMatch(/\?$/);
    expect(view.callback_id).toBe('grow_checkin');
  });

  it('defaults visibility to summary and says what the coach sees', () => {
    const json = JSON.stringify(checkInModal({ step: 'checkin' }));
    expect(json).toContain('"initial_option":{"text":{"type":"plain_text","text":"Summary for my coach","emoji":true},"value":"summary"}');
    expect(json).toContain(coachSeesSentence('check_in', 'summary'));
  });

  it('asks which coaching only when the leader has two engagements, naming each by its coach, preselecting the given one', () => {
    const two = [
      { id: targets[0]!.id, label: 'With Dana Coach' },
      { id: targets[1]!.id, label: `With ${long(500)}` },
    ];
    for (const step of ['checkin', 'revisit'] as const) {
      const view = checkInModal({ step, engagements: two, draft: { ...maxDraft, engagementId: two[1]!.id } });
      expect(validateView(view as never)).toEqual([]);
      const select = view.blocks.find((b) => b.block_id === 'engagement') as { element: { options: { text: { text: string } }[]; initial_option: { value: string } } };
      expect(select.element.options.map((o) => o.text.text)[0]).toBe('With Dana Coach');
      expect(select.element.initial_option.value).toBe(two[1]!.id);
    }
    expect(JSON.stringify(checkInModal({ step: 'checkin', engagements: two }))).toContain(coachSeesSentence('check_in', 'summary', 'the coach you pick above'));
    expect(checkInModal({ step: 'checkin', engagements: [two[0]!] }).blocks.some((b) => b.block_id === 'engagement')).toBe(false);
    expect(checkInModal({ step: 'checkin' }).blocks.some((b) => b.block_id === 'engagement')).toBe(false);
  });

  it('keeps what the leader wrote on the revisit step', () => {
    const json = JSON.stringify(checkInModal({ step: 'revisit', draft: { ...maxDraft, will: 'Ask Sam first' } }));
    expect(json).toContain('Ask Sam first');
    expect(json).toContain('What would make it a 10?');
  });
});

describe('messages and Home tab with maximal input', () => {
  it('confirmation DM is valid and escapes mentions', () => {
    const m = checkInConfirmation({ will: long(LIMITS.will), dueLabel: 'Thu 3 Dec', followUpLabel: 'Mon 30 Nov', commitment: 9 });
    expect(validateMessageBlocks(m.blocks)).toEqual([]);
    expect(JSON.stringify(m.blocks)).not.toContain('<!channel>');
  });

  it('history and Home tab are valid with five maximal check-ins', () => {
    const entries = Array.from({ length: 5 }, (_, i) => ({ createdAt: new Date(2026, 0, i + 1), goal: long(LIMITS.goal), will: long(LIMITS.will), commitment: i + 5, actionStatus: 'open' }));
    expect(validateMessageBlocks(historyBlocks(entries, (d) => d.toDateString()))).toEqual([]);
    const home = leaderHomeView({ currentAction: { text: long(LIMITS.will), dueLabel: 'Fri 4 Dec' }, recent: entries, localDate: (d) => d.toDateString() });
    expect(validateView(home as never)).toEqual([]);
  });
});
