// Block Kit rules beyond plain limits (text object types, unknown types, unique ids, modal
// requirements, options) and how the Web API reports them.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateMessageBlocks, validateView } from './block-kit/validate-surface.js';
import { LEADER, TEAM, startFixture, type Fixture } from './fixtures.js';

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const button = (actionId: string) => ({ type: 'button', action_id: actionId, text: plain('Go') });

describe('text objects', () => {
  it('accepts plain_text and mrkdwn in sections, rejects other types', () => {
    expect(validateMessageBlocks([{ type: 'section', text: plain('a') }, { type: 'section', text: mrkdwn('b') }])).toEqual([]);
    expect(validateMessageBlocks([{ type: 'section', text: { type: 'markdown', text: 'c' } }])[0]).toContain('/blocks/0/text/type');
    expect(validateMessageBlocks([{ type: 'section', text: 'raw string' }])[0]).toContain('must be a text object');
  });

  it('requires plain_text for headers, buttons, modal titles and select options', () => {
    expect(validateMessageBlocks([{ type: 'header', text: mrkdwn('*x*') }])[0]).toContain('/blocks/0/text/type');
    expect(validateMessageBlocks([{ type: 'actions', elements: [{ ...button('b'), text: mrkdwn('Go') }] }])[0])
      .toContain('/blocks/0/elements/0/text/type');
    expect(validateView({ type: 'modal', title: mrkdwn('T'), blocks: [] })[0]).toContain('/view/title/type');
    const select = { type: 'static_select', action_id: 's', options: [{ text: mrkdwn('o'), value: 'v' }] };
    expect(validateMessageBlocks([{ type: 'actions', elements: [select] }])[0]).toContain('/options/0/text/type');
  });

  it('allows mrkdwn option text in radio buttons and checkboxes', () => {
    const radios = { type: 'radio_buttons', action_id: 'r', options: [{ text: mrkdwn('*one*'), value: '1' }] };
    expect(validateMessageBlocks([{ type: 'actions', elements: [radios] }])).toEqual([]);
  });

  it('rejects empty text', () => {
    expect(validateMessageBlocks([{ type: 'header', text: plain('') }])[0]).toContain('more than 0 characters');
  });
});

describe('structure', () => {
  it('rejects unknown block and element types', () => {
    expect(validateMessageBlocks([{ type: 'carousel' }])[0]).toContain('unsupported block type: carousel');
    expect(validateMessageBlocks([{ type: 'actions', elements: [{ type: 'slider', action_id: 'x' }] }])[0]).toContain('unsupported element type');
    expect(validateMessageBlocks([{ type: 'divider' }, { type: 'rich_text', elements: [] }])).toEqual([]);
  });

  it('requires unique block_ids per surface and unique action_ids per block', () => {
    const dupBlocks = [{ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }];
    expect(validateMessageBlocks(dupBlocks)[0]).toContain('/blocks/1/block_id');
    expect(validateMessageBlocks([{ type: 'actions', elements: [button('x'), button('x')] }])[0]).toContain('/blocks/0/elements/1/action_id');
    expect(validateMessageBlocks([
      { type: 'actions', elements: [button('x')] }, { type: 'actions', elements: [button('x')] },
    ])).toEqual([]);
  });

  it('needs submit on a modal with inputs, and a title on every modal', () => {
    const input = { type: 'input', block_id: 'goal', label: plain('Goal'), element: { type: 'plain_text_input', action_id: 'v' } };
    expect(validateView({ type: 'modal', title: plain('T'), blocks: [input] })[0]).toContain('/view/submit');
    expect(validateView({ type: 'modal', title: plain('T'), submit: plain('Save'), blocks: [input] })).toEqual([]);
    expect(validateView({ type: 'modal', blocks: [] })[0]).toContain('missing required field: title');
  });

  it('keeps buttons out of input blocks and text inputs out of actions blocks', () => {
    const view = { type: 'modal', title: plain('T'), submit: plain('S'), blocks: [{ type: 'input', label: plain('L'), element: button('b') }] };
    expect(validateView(view)[0]).toContain('not allowed in an input block');
    expect(validateMessageBlocks([{ type: 'actions', elements: [{ type: 'plain_text_input', action_id: 'p' }] }])[0])
      .toContain('not allowed in an actions block');
  });

  it('requires initial options to be among the options', () => {
    const select = {
      type: 'static_select', action_id: 's', options: [{ text: plain('A'), value: 'a' }], initial_option: { text: plain('B'), value: 'b' },
    };
    expect(validateMessageBlocks([{ type: 'actions', elements: [select] }])[0]).toContain('/initial_option');
  });
});

describe('through the Web API', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await startFixture();
  });
  afterEach(async () => {
    await f.emu.close();
  });

  it('chat.postMessage answers invalid_blocks with Slack-style messages and stores nothing', async () => {
    const blocks = [{ type: 'header', text: plain('x'.repeat(151)) }];
    const error = await f.client.chat.postMessage({ channel: LEADER, text: 'fallback', blocks }).catch((e: { data: unknown }) => e.data);
    expect(error).toMatchObject({
      ok: false, error: 'invalid_blocks',
      response_metadata: { messages: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'] },
    });
    expect(f.emu.dmWith(TEAM, LEADER)).toEqual([]);
    expect(f.emu.rejectedCalls()[0]).toMatchObject({ method: 'chat.postMessage', error: 'invalid_blocks' });
  });

  it('chat.postMessage refuses a button whose value is over 2,000 characters, and takes one of 2,000', async () => {
    const withValue = (value: string) => [{ type: 'actions', elements: [{ type: 'button', action_id: 'b', text: plain('Go'), value }] }];
    const error = await f.client.chat.postMessage({ channel: LEADER, text: 'fallback', blocks: withValue('v'.repeat(2001)) }).catch((e: { data: unknown }) => e.data);
    expect(error).toMatchObject({
      ok: false, error: 'invalid_blocks',
      response_metadata: { messages: ['[ERROR] must be less than 2001 characters [json-pointer:/blocks/0/elements/0/value]'] },
    });
    expect(f.emu.dmWith(TEAM, LEADER)).toEqual([]);
    await f.client.chat.postMessage({ channel: LEADER, text: 'fallback', blocks: withValue('v'.repeat(2000)) });
    expect(f.emu.dmWith(TEAM, LEADER)).toHaveLength(1);
  });

  it('answers invalid_blocks_format for blocks that are not JSON, and msg_too_long past 40000 characters', async () => {
    await expect(f.client.apiCall('chat.postMessage', { channel: LEADER, blocks: '[{nope' }))
      .rejects.toMatchObject({ data: { error: 'invalid_blocks_format' } });
    await expect(f.client.chat.postMessage({ channel: LEADER, text: 'x'.repeat(40_001) }))
      .rejects.toMatchObject({ data: { error: 'msg_too_long' } });
    await expect(f.client.chat.postMessage({ channel: LEADER, text: 'x'.repeat(40_000) })).resolves.toMatchObject({ ok: true });
  });

  it('views.open answers invalid_arguments and leaves the trigger unused', async () => {
    const trigger = f.emu.issueTrigger(TEAM, LEADER);
    const tooLong = { type: 'modal' as const, title: plain('x'.repeat(25)) as { type: 'plain_text'; text: string }, blocks: [] };
    await expect(f.client.views.open({ trigger_id: trigger, view: tooLong })).rejects.toMatchObject({
      data: { error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'] } },
    });
    await expect(f.client.views.open({ trigger_id: trigger, view: { ...tooLong, title: { type: 'plain_text', text: 'OK' } } }))
      .resolves.toMatchObject({ ok: true });
  });
});
