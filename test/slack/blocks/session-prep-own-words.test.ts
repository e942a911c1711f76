import { describe, expect, it } from 'vitest';
import { PREP_QUESTIONS } from '../../../src/domain/engagement/reflection.js';
import { sharedAnswersOf } from '../../../src/domain/digest/shared-answers.js';
import { buildSessionPrepMessage, SAID_SINCE_MAX } from '../../../src/slack/blocks/nudge-session-prep.js';
import { EXAMPLE_HINT, prepModal } from '../../../src/slack/blocks/prep-modal.js';
import type { OwnWordsItem } from '../../../src/slack/blocks/own-words.js';
import { HOME_MOMENTS_SHOWN, leaderHomeView } from '../../../src/slack/blocks/leader-home.js';
import { validateMessageBlocks } from '../../emulator/block-kit/validate-surface.js';

const ID = '00000000-0000-4000-8000-000000000001';
const base = { nudgeId: ID, sessionId: ID, sessionAt: new Date('2026-12-03T09:00:00Z'), tz: 'Europe/Berlin' };
const reflection: OwnWordsItem = { kind: 'follow_up', createdAt: new Date('2026-11-25T15:00:00Z'), answers: { happened: 'I asked <!channel> first & waited', learned: 'Silence is fine' }, permalink: null };
const moment: OwnWordsItem = {
  kind: 'moment',
  createdAt: new Date('2026-11-27T10:00:00Z'),
  answers: { note: 'Sam pushed back and I stayed calm', channel: 'C0SECRET', ts: '1700000000.000100' },
  permalink: 'https://acme.slack.com/archives/C0SECRET/p1700000000000100',
};
const texts = (blocks: unknown[]) => JSON.stringify(blocks);

describe('session prep shows what the leader already wrote', () => {
  it('quotes their reflections and saved moments, escaped, with the date and the moment’s link', () => {
    const message = buildSessionPrepMessage({ ...base, saidSince: [moment, reflection] });
    const json = texts(message.blocks);
    expect(json).toContain('What you already said since your last session');
    expect(json).toContain('A moment you saved, Fri 27 Nov (<https://acme.slack.com/archives/C0SECRET/p1700000000000100|the message>)');
    expect(json).toContain('Sam pushed back and I stayed calm');
    expect(json).toContain('You wrote, Wed 25 Nov');
    expect(json).toContain('I asked &lt;!channel&gt; first &amp; waited');
    expect(json).toContain('Silence is fine');
    // Where the moment was is kept for the link, never quoted as words.
    expect(json).not.toContain('1700000000.000100');
    // Their words stay out of the notification text.
    expect(message.text).not.toContain('Sam');
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
  });

  it('quotes each action they answered since, with the answer and its day', () => {
    const message = buildSessionPrepMessage({ ...base, answeredSince: [{ text: 'Name one *hard* topic', status: 'not_yet', answeredAt: new Date('2026-11-24T16:00:00Z') }] });
    const json = texts(message.blocks);
    expect(json).toContain('What you already said since your last session');
    expect(json).toContain('_Your action — you answered *Not yet* on Tue 24 Nov:_');
    expect(json).toContain('hard');
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
  });

  it('shows nothing of the kind when there is nothing since the last session', () => {
    expect(texts(buildSessionPrepMessage({ ...base, saidSince: [] }).blocks)).not.toContain('already said');
    expect(texts(buildSessionPrepMessage(base).blocks)).not.toContain('already said');
  });

  it('keeps to the newest few entries and within Slack’s limits when they are long', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...reflection, answers: { happened: `entry ${i} ${'x'.repeat(1500)}`, learned: 'y'.repeat(1500) } }));
    const message = buildSessionPrepMessage({ ...base, saidSince: many });
    const json = texts(message.blocks);
    expect(json).toContain('entry 0 ');
    expect(json).toContain(`entry ${SAID_SINCE_MAX - 1} `);
    expect(json).not.toContain(`entry ${SAID_SINCE_MAX} `);
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
  });

  it('does not turn a stored link that is not a Slack permalink into a link', () => {
    const json = texts(buildSessionPrepMessage({ ...base, saidSince: [{ ...moment, permalink: 'https://evil.example/x' }] }).blocks);
    expect(json).not.toContain('evil.example');
    expect(json).toContain('A moment you saved, Fri 27 Nov:');
  });
});

describe('the prep questions ask for one real example', () => {
  it('the modal asks for the example with a hint, then what they want, then who sees it', () => {
    const modal = prepModal({ meta: { nudgeId: ID, sessionId: ID }, sessionAt: base.sessionAt, tz: 'UTC' });
    const inputs = modal.blocks.filter((b) => b.type === 'input') as { block_id: string; label: { text: string }; hint?: { text: string } }[];
    expect(inputs.map((b) => b.block_id)).toEqual(['example', 'want', 'visibility']);
    expect(inputs[0]!.label.text).toBe(PREP_QUESTIONS.example);
    expect(inputs[0]!.hint?.text).toBe(EXAMPLE_HINT);
    expect(PREP_QUESTIONS.example).not.toMatch(/what happened/i);
  });

  it('the coach reads a shared prep answer under the question asked, old answers under theirs', () => {
    expect(sharedAnswersOf({ body: { example: 'Thursday planning', want: 'Practise' } }).map((a) => a.question)).toEqual([PREP_QUESTIONS.example, PREP_QUESTIONS.want]);
    expect(sharedAnswersOf({ body: { commitment: 'Did it twice' } })).toEqual([{ question: 'What happened with your commitment?', text: 'Did it twice' }]);
  });
});

describe('App Home shows the moments the leader saved', () => {
  const home = (moments?: OwnWordsItem[]) => JSON.stringify(leaderHomeView({ recent: [], localDate: () => 'Mon', moments, tz: 'Europe/Berlin' }).blocks);

  it('lists the newest few with their note, date and link, and says who sees the list', () => {
    const json = home([moment, { ...moment, answers: { note: 'second' } }, { ...moment, answers: { note: 'third' } }, { ...moment, answers: { note: 'fourth' } }]);
    expect(json).toContain('Moments you saved');
    expect(json).toContain('Sam pushed back and I stayed calm');
    expect(json).toContain('third');
    expect(json).not.toContain('fourth');
    expect(HOME_MOMENTS_SHOWN).toBe(3);
    expect(json).toContain('A moment you saved, Fri 27 Nov');
    expect(json).toContain('Only you see this list.');
    expect(json).not.toContain('1700000000.000100');
  });

  it('has no moments section when none were saved', () => {
    expect(home([])).not.toContain('Moments you saved');
    expect(home()).not.toContain('Moments you saved');
  });
});
