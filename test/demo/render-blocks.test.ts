// The demo's Block Kit renderer: what a person would read, in plain text.
import { describe, expect, it } from 'vitest';
import { mrkdwnToText, renderBlocks, renderMessage } from './render-blocks.js';

const names = { U0LEO: 'Leo', U0CORA: 'Cora' };

describe('mrkdwnToText', () => {
  it('shows mentions by name, channels and links by label, special mentions as @name', () => {
    expect(mrkdwnToText('<@U0CORA> would like to coach you', { names })).toBe('@Cora would like to coach you');
    expect(mrkdwnToText('<@U0NOBODY> and <@U0X|xavier>')).toBe('@U0NOBODY and @xavier');
    expect(mrkdwnToText('in <#C01|team>, see <https://example.com/p1|the message> or <https://example.com>')).toBe(
      'in #team, see the message (https://example.com/p1) or https://example.com',
    );
    expect(mrkdwnToText('<!here> and <!subteam^S1|@leads>')).toBe('@here and @@leads');
  });

  it('unescapes entities after resolving links, so escaped user text stays text', () => {
    expect(mrkdwnToText('Tell &lt;!channel&gt; &amp; &lt;@U0LEO&gt; about it', { names })).toBe('Tell <!channel> & <@U0LEO> about it');
  });

  it('drops emphasis markers at word boundaries, leaving other asterisks and underscores alone', () => {
    expect(mrkdwnToText('*Bold* and _italic_ and ~struck~.')).toBe('Bold and italic and struck.');
    expect(mrkdwnToText('snake_case_name and 2*3*4')).toBe('snake_case_name and 2*3*4');
    expect(mrkdwnToText('*Halfway.* Next', { bold: (t) => `<b>${t}</b>` })).toBe('<b>Halfway.</b> Next');
  });
});

describe('renderBlocks', () => {
  it('renders a header, a section with fields, context, a divider and buttons', () => {
    const lines = renderBlocks([
      { type: 'header', text: { type: 'plain_text', text: 'Weekly digest' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*<@U0LEO>*\nGoal: calmer 1:1s' }, fields: [{ type: 'mrkdwn', text: '*Commitment* 8/10' }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Summary only' }, { type: 'plain_text', text: 'Week 47' }] },
      { type: 'divider' },
      {
        type: 'actions',
        elements: [
          { type: 'button', text: { type: 'plain_text', text: 'Done' }, action_id: 'a' },
          { type: 'button', text: { type: 'plain_text', text: 'Reflect…' }, action_id: 'b' },
          { type: 'overflow', action_id: 'c', options: [] },
        ],
      },
    ], { names });
    expect(lines).toEqual([
      'Weekly digest',
      '═════════════',
      '@Leo',
      'Goal: calmer 1:1s',
      '  Commitment 8/10',
      'Summary only  ·  Week 47',
      '─'.repeat(40),
      '[ Done ]  [ Reflect… ]  [ ⋯ ]',
    ]);
  });

  it('shows a section accessory, inputs with their controls, images and unknown blocks', () => {
    const lines = renderBlocks([
      { type: 'section', text: { type: 'mrkdwn', text: 'Pick one' }, accessory: { type: 'static_select', placeholder: { type: 'plain_text', text: 'Choose 1–10' } } },
      { type: 'input', optional: true, label: { type: 'plain_text', text: 'By when?' }, element: { type: 'datepicker' } },
      { type: 'image', image_url: 'https://example.com/x.png', alt_text: 'trend' },
      { type: 'video' },
    ]);
    expect(lines).toEqual(['Pick one', '  [ Choose 1–10 ▾ ]', 'By when? (optional)', '  [ Pick a date ▾ ]', '[image: trend]', '[video]']);
  });

  it('styles secondary text with dim', () => {
    const lines = renderBlocks([{ type: 'context', elements: [{ type: 'mrkdwn', text: 'quiet' }] }], { dim: (t) => `(${t})` });
    expect(lines).toEqual(['(quiet)']);
  });
});

describe('renderMessage', () => {
  it('falls back to the message text when there are no blocks', () => {
    expect(renderMessage({ text: '<@U0LEO> declined your coaching invitation.' }, { names })).toEqual(['@Leo declined your coaching invitation.']);
    expect(renderMessage({ text: 'x', blocks: [{ type: 'section', text: { type: 'plain_text', text: 'From blocks' } }] })).toEqual(['From blocks']);
  });
});
