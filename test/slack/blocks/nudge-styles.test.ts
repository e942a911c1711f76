// The follow-up and session prep in each style: how long they take for the light rhythm,
// the prediction and "what did happen?" for experiments, the leader's own wants for goal
// first, and "what would make this time different" in the chooser's first prep only.
import { describe, expect, it } from 'vitest';
import { prepQuestionsFor, prepUsesFor, PREP_QUESTIONS } from '../../../src/domain/engagement/reflection.js';
import { STYLES } from '../../../src/domain/engagement/style.js';
import { QUESTION_BANK } from '../../../src/domain/questions/bank.js';
import { defaultQuestion } from '../../../src/domain/questions/draw.js';
import { buildFollowUpMessage } from '../../../src/slack/blocks/nudge-follow-up.js';
import { buildSessionPrepMessage } from '../../../src/slack/blocks/nudge-session-prep.js';
import { prepModal } from '../../../src/slack/blocks/prep-modal.js';
import { validateView } from '../../emulator/block-kit/validate-surface.js';

const ID = '00000000-0000-4000-8000-000000000001';
const base = { nudgeId: ID, actionId: ID, actionText: 'Decline the Thursday sync', dueAt: new Date('2026-03-12T17:00:00Z'), tz: 'Europe/Berlin' };
const DIFFERENT_THIS_TIME = defaultQuestion('prep_different');
const inBank = (use: string, text: string) => QUESTION_BANK.some((q) => q.use === use && q.text === text);
const followUp = (over: Partial<Parameters<typeof buildFollowUpMessage>[0]> = {}) => JSON.stringify(buildFollowUpMessage({ ...base, ...over }).blocks);
const prep = (style: (typeof STYLES)[number], first: boolean) =>
  JSON.stringify(buildSessionPrepMessage({ nudgeId: ID, sessionId: ID, sessionAt: new Date('2026-03-13T09:00:00Z'), tz: 'Europe/Berlin', style, questions: prepQuestionsFor(style, first) }).blocks);

describe('the follow-up by style', () => {
  it('says how long it takes only in the light rhythm', () => {
    expect(followUp({ style: 'light' })).toContain('Takes 30 seconds.');
    for (const style of STYLES.filter((s) => s !== 'light')) expect(followUp({ style })).not.toContain('Takes 30 seconds.');
  });

  it('quotes the prediction and asks what did happen, for an experiment', () => {
    const t = followUp({ style: 'experiment', expectation: 'Nobody will notice' });
    expect(t).toContain('How did your experiment go?');
    expect(t).toContain('Nobody will notice');
    expect(t).toContain('What did happen?');
    expect(followUp({ style: 'standard' })).not.toContain('What did happen?');
  });

  it('asks the outcome question drawn for the leader, a bank question on what did happen', () => {
    const drawn = QUESTION_BANK.filter((q) => q.use === 'outcome').at(-1)!.text;
    const t = followUp({ style: 'experiment', expectation: 'Nobody will notice', outcomeQuestion: drawn });
    expect(t).toContain(drawn);
    expect(t).not.toContain('What did happen?');
  });

  it('asks about what the leader wanted for themselves, goal first', () => {
    expect(followUp({ style: 'goal_first' })).toContain('what you wanted for yourself');
  });
});

describe('session prep by style', () => {
  it('says how long it takes only in the light rhythm', () => {
    expect(prep('light', false)).toContain('Takes 2 minutes.');
    expect(prep('standard', false)).not.toContain('Takes 2 minutes.');
  });

  it('asks what would make this time different in the chooser’s first prep only, in the DM and in the modal', () => {
    expect(prep('chooser', true)).toContain(DIFFERENT_THIS_TIME);
    expect(prep('chooser', false)).not.toContain(DIFFERENT_THIS_TIME);
    for (const style of STYLES.filter((s) => s !== 'chooser')) expect(prepQuestionsFor(style, true)).not.toHaveProperty('different');
    const modal = prepModal({ meta: { nudgeId: ID, sessionId: ID }, sessionAt: new Date('2026-03-13T09:00:00Z'), tz: 'UTC', questions: prepQuestionsFor('chooser', true) });
    expect(validateView(modal as never)).toEqual([]);
    expect(modal.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['different', 'example', 'want', 'visibility']);
  });

  it('asks each style’s prep from the bank: the experiment’s moment, goal first’s own wants, the chooser’s first prep', () => {
    expect(prepUsesFor('experiment', false)).toEqual({ example: 'prep_experiment', want: 'prep_want' });
    expect(prepUsesFor('goal_first', true)).toEqual({ example: 'prep_commitment', want: 'prep_want_own' });
    expect(prepUsesFor('chooser', true)).toEqual({ different: 'prep_different', example: 'prep_commitment', want: 'prep_want' });
    for (const style of STYLES) {
      for (const first of [true, false]) {
        for (const [key, use] of Object.entries(prepUsesFor(style, first))) expect(inBank(use, prepQuestionsFor(style, first)[key]!), `${style} ${key}`).toBe(true);
      }
    }
    // What was drawn for the leader is what the prep asks.
    const drawn = { prep_different: QUESTION_BANK.filter((q) => q.use === 'prep_different').at(-1)!.text, prep_commitment: 'Which moment from the last two weeks is worth talking about?' };
    expect(prepQuestionsFor('chooser', true, drawn)).toEqual({ different: drawn.prep_different, example: drawn.prep_commitment, want: PREP_QUESTIONS.want });
  });

  it('keeps the same answer ids in every style, so answers read the same everywhere', () => {
    for (const style of STYLES) expect(Object.keys(prepQuestionsFor(style, false))).toEqual(Object.keys(PREP_QUESTIONS));
    expect(prepQuestionsFor('standard', true)).toEqual(PREP_QUESTIONS);
  });
});
