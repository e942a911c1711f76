import { describe, expect, it } from 'vitest';
import { errorsForBlocks, readCheckInValues, targetsFromView } from '../../src/slack/checkin/checkin-form.js';
import { readInput, viewStateSchema } from '../../src/slack/read-view-state.js';
import { parseGrowCommand } from '../../src/slack/commands/parse-grow-command.js';

const state = viewStateSchema.parse({
  goal: { goal: { type: 'plain_text_input', value: '  Speak up earlier  ' } },
  reality: { reality: { type: 'plain_text_input', value: null } },
  commitment: { commitment: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '9' }, value: '9' } } },
  visibility: { visibility: { type: 'radio_buttons', selected_option: { value: 'shared' } } },
  will_due: { will_due: { type: 'datepicker', selected_date: '2026-12-01' } },
  goal_target: { goal_target: { type: 'static_select', selected_option: null } },
});

describe('view state parsing', () => {
  it('reads each element type by block id, trimmed, empty as undefined', () => {
    expect(readInput(state, 'goal')).toBe('Speak up earlier');
    expect(readInput(state, 'reality')).toBeUndefined();
    expect(readInput(state, 'commitment')).toBe('9');
    expect(readInput(state, 'will_due')).toBe('2026-12-01');
    expect(readInput(state, 'goal_target')).toBeUndefined();
    expect(readInput(state, 'missing')).toBeUndefined();
  });

  it('maps the check-in blocks to draft fields', () => {
    expect(readCheckInValues(state)).toEqual({ goal: 'Speak up earlier', commitment: '9', visibility: 'shared', dueDate: '2026-12-01' });
  });

  it('puts errors on blocks that exist, and anything else on the Will', () => {
    expect(errorsForBlocks({ reality: 'a', targetId: 'b' }, new Set(['reality', 'will']))).toEqual({ reality: 'a', will: 'b' });
  });

  it('recovers target choices from a submitted view', () => {
    const blocks = [{ block_id: 'goal_target', element: { options: [{ text: { text: 'Listen more' }, value: 't1' }] } }, { block_id: 'goal' }];
    expect(targetsFromView(blocks)).toEqual([{ id: 't1', description: 'Listen more' }]);
  });

  it('rejects state that is not Slack-shaped', () => {
    expect(viewStateSchema.safeParse({ goal: 'nope' }).success).toBe(false);
  });
});

describe('/grow text', () => {
  it('splits subcommand and arguments, case-insensitively', () => {
    expect(parseGrowCommand('  PAUSE  10 ')).toEqual({ name: 'pause', args: ['10'] });
    expect(parseGrowCommand('')).toEqual({ name: '', args: [] });
    expect(parseGrowCommand(undefined)).toEqual({ name: '', args: [] });
  });
});
