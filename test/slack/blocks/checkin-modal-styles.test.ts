// The check-in modal in each style: three fields for the light rhythm, a prediction for
// experiments, the leader's own goal first; each one valid Block Kit, and each one's
// answers are what the rules require.
import { describe, expect, it } from 'vitest';
import { validateCheckInDraft } from '../../../src/domain/checkin/rules.js';
import { STYLES, type Style } from '../../../src/domain/engagement/style.js';
import { checkInMetadataSchema, checkInModal } from '../../../src/slack/blocks/checkin-modal.js';
import { decodeJson } from '../../../src/slack/metadata.js';
import { validateView } from '../../emulator/block-kit/validate-surface.js';

const inputsOf = (style: Style) =>
  (checkInModal({ step: 'checkin', style }).blocks.filter((b) => b.type === 'input') as { block_id: string }[]).map((b) => b.block_id);
const textOf = (style: Style) => JSON.stringify(checkInModal({ step: 'checkin', style }));
const answers = { goal: 'Run shorter meetings', will: 'End Monday’s stand-up at 15 minutes', commitment: '9' };

describe('the check-in modal by style', () => {
  it('is valid Block Kit in every style and both steps, and carries its style for the submission', () => {
    for (const style of STYLES) {
      for (const step of ['checkin', 'revisit'] as const) {
        const view = checkInModal({ step, style, draft: { commitment: 5 } });
        expect(validateView(view as never)).toEqual([]);
        expect(decodeJson(checkInMetadataSchema, view.private_metadata)).toEqual({ step, style });
      }
    }
  });

  it('the full check-in asks the four GROW questions', () => {
    expect(inputsOf('standard')).toEqual(['goal', 'reality', 'options', 'will', 'will_due', 'commitment', 'visibility']);
  });

  it('the light check-in shrinks to goal, one action and commitment, and says how long it takes', () => {
    expect(inputsOf('light')).toEqual(['goal', 'will', 'commitment', 'visibility']);
    expect(textOf('light')).toContain('Three questions. About a minute.');
    const light = validateCheckInDraft(answers, 'light');
    expect(light.ok && [light.draft.will, light.draft.reality, light.draft.options]).toEqual([answers.will, undefined, undefined]);
  });

  it('the light answers are not enough for the full check-in', () => {
    expect(validateCheckInDraft(answers, 'standard')).toEqual({ ok: false, errors: { reality: 'Please answer: what is happening now?', options: 'Please answer: what could you do?' } });
  });

  it('the experiment check-in asks what the leader expects to happen, and requires it', () => {
    expect(inputsOf('experiment')).toEqual(['goal', 'reality', 'options', 'will', 'expectation', 'will_due', 'commitment', 'visibility']);
    expect(textOf('experiment')).toContain('What do you expect to happen when you do this?');
    const full = { ...answers, reality: 'They run an hour', options: 'A timer, an agenda' };
    expect(validateCheckInDraft(full, 'experiment')).toEqual({ ok: false, errors: { expectation: 'Please answer: what do you expect to happen?' } });
    expect(validateCheckInDraft({ ...full, expectation: 'People will grumble, then like it' }, 'experiment')).toMatchObject({ ok: true, draft: { expectation: 'People will grumble, then like it' } });
  });

  it('the goal-first check-in opens with what the leader wants for themselves and points to the stakeholders’ data', () => {
    const view = checkInModal({ step: 'checkin', style: 'goal_first', targets: [{ id: '00000000-0000-4000-8000-000000000001', description: 'Listen first' }] });
    const inputs = view.blocks.filter((b) => b.type === 'input') as { block_id: string; label: { text: string } }[];
    expect(inputs[0]).toMatchObject({ block_id: 'goal', label: { text: 'What do you want for yourself from the next two weeks?' } });
    expect(JSON.stringify(view)).toContain('Name 3–8 colleagues on App Home → *Stakeholders* for a baseline.');
    const released = JSON.stringify(checkInModal({ step: 'checkin', style: 'goal_first', baseline: 'released' }));
    expect(released).toContain('Your stakeholders’ baseline is on App Home → *Stakeholders*: data from the people around you, not your coach’s opinion.');
    expect(JSON.stringify(checkInModal({ step: 'checkin', style: 'goal_first', baseline: 'open' }))).toContain('baseline round is still open');
    for (const style of ['standard', 'light', 'experiment', 'chooser'] as const) expect(JSON.stringify(checkInModal({ step: 'checkin', style, baseline: 'released' }))).not.toContain('coach’s opinion');
  });
});
