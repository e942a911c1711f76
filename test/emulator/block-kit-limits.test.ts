// Every documented Block Kit limit: accepted at the limit, rejected one past it, with the
// JSON pointer Slack would name.

import { describe, expect, it } from 'vitest';
import { validateMessageBlocks, validateView } from './block-kit/validate-surface.js';

const s = (n: number) => 'x'.repeat(n);
const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text = 'hi') => ({ type: 'section', text: mrkdwn(text) });
const button = (extra: Record<string, unknown> = {}) => ({ type: 'button', action_id: 'b', text: plain('Go'), ...extra });
const option = (text: string, value: string) => ({ text: plain(text), value });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal', title: plain('Check-in'), submit: plain('Save'), blocks: [section()], ...extra,
});
const inputModal = (element: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  modal({ blocks: [{ type: 'input', block_id: 'goal', label: plain('Goal'), element, ...extra }] });

type Case = { name: string; limit: number; pointer: string; build: (n: number) => string[] };
const msg = (blocks: unknown[]) => validateMessageBlocks(blocks);
const view = (v: Record<string, unknown>) => validateView(v);

const cases: Case[] = [
  { name: 'blocks per message', limit: 50, pointer: '/blocks', build: (n) => msg(Array.from({ length: n }, () => section())) },
  { name: 'blocks per modal', limit: 100, pointer: '/view/blocks', build: (n) => view(modal({ blocks: Array.from({ length: n }, () => section()) })) },
  { name: 'blocks per Home tab', limit: 100, pointer: '/view/blocks', build: (n) => view({ type: 'home', blocks: Array.from({ length: n }, () => section()) }) },
  { name: 'modal title', limit: 24, pointer: '/view/title/text', build: (n) => view(modal({ title: plain(s(n)) })) },
  { name: 'modal submit', limit: 24, pointer: '/view/submit/text', build: (n) => view(modal({ submit: plain(s(n)) })) },
  { name: 'modal close', limit: 24, pointer: '/view/close/text', build: (n) => view(modal({ close: plain(s(n)) })) },
  { name: 'private_metadata', limit: 3000, pointer: '/view/private_metadata', build: (n) => view(modal({ private_metadata: s(n) })) },
  { name: 'callback_id', limit: 255, pointer: '/view/callback_id', build: (n) => view(modal({ callback_id: s(n) })) },
  { name: 'section text', limit: 3000, pointer: '/blocks/0/text/text', build: (n) => msg([section(s(n))]) },
  { name: 'section fields count', limit: 10, pointer: '/blocks/0/fields', build: (n) => msg([{ type: 'section', fields: Array.from({ length: n }, () => mrkdwn('f')) }]) },
  { name: 'section field text', limit: 2000, pointer: '/blocks/0/fields/0/text', build: (n) => msg([{ type: 'section', fields: [mrkdwn(s(n))] }]) },
  { name: 'header text', limit: 150, pointer: '/blocks/0/text/text', build: (n) => msg([{ type: 'header', text: plain(s(n)) }]) },
  { name: 'context elements', limit: 10, pointer: '/blocks/0/elements', build: (n) => msg([{ type: 'context', elements: Array.from({ length: n }, () => mrkdwn('c')) }]) },
  { name: 'actions elements', limit: 25, pointer: '/blocks/0/elements', build: (n) => msg([{ type: 'actions', elements: Array.from({ length: n }, (_, i) => button({ action_id: `b${i}` })) }]) },
  { name: 'button text', limit: 75, pointer: '/blocks/0/elements/0/text/text', build: (n) => msg([{ type: 'actions', elements: [button({ text: plain(s(n)) })] }]) },
  { name: 'button value', limit: 2000, pointer: '/blocks/0/elements/0/value', build: (n) => msg([{ type: 'actions', elements: [button({ value: s(n) })] }]) },
  { name: 'button url', limit: 3000, pointer: '/blocks/0/elements/0/url', build: (n) => msg([{ type: 'actions', elements: [button({ url: s(n) })] }]) },
  { name: 'action_id', limit: 255, pointer: '/blocks/0/elements/0/action_id', build: (n) => msg([{ type: 'actions', elements: [button({ action_id: s(n) })] }]) },
  { name: 'block_id', limit: 255, pointer: '/blocks/0/block_id', build: (n) => msg([{ ...section(), block_id: s(n) }]) },
  { name: 'input label', limit: 2000, pointer: '/view/blocks/0/label/text', build: (n) => view(inputModal({ type: 'plain_text_input' }, { label: plain(s(n)) })) },
  { name: 'input hint', limit: 2000, pointer: '/view/blocks/0/hint/text', build: (n) => view(inputModal({ type: 'plain_text_input' }, { hint: plain(s(n)) })) },
  { name: 'plain_text_input placeholder', limit: 150, pointer: '/view/blocks/0/element/placeholder/text', build: (n) => view(inputModal({ type: 'plain_text_input', placeholder: plain(s(n)) })) },
  { name: 'plain_text_input max_length', limit: 3000, pointer: '/view/blocks/0/element/max_length', build: (n) => view(inputModal({ type: 'plain_text_input', max_length: n })) },
  { name: 'initial_value within max_length', limit: 20, pointer: '/view/blocks/0/element/initial_value', build: (n) => view(inputModal({ type: 'plain_text_input', max_length: 20, initial_value: s(n) })) },
  { name: 'static_select options', limit: 100, pointer: '/view/blocks/0/element/options', build: (n) => view(inputModal({ type: 'static_select', options: options(n) })) },
  { name: 'option text', limit: 75, pointer: '/view/blocks/0/element/options/0/text/text', build: (n) => view(inputModal({ type: 'static_select', options: [option(s(n), 'v')] })) },
  { name: 'option value', limit: 150, pointer: '/view/blocks/0/element/options/0/value', build: (n) => view(inputModal({ type: 'static_select', options: [option('t', s(n))] })) },
];

describe('Block Kit limits', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.limit} accepted, ${c.limit + 1} rejected at ${c.pointer}`, () => {
      expect(c.build(c.limit)).toEqual([]);
      const problems = c.build(c.limit + 1);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^\[ERROR\] .+ \[json-pointer:.+\]$/);
      expect(problems[0]).toContain(`[json-pointer:${c.pointer}]`);
    });
  }
});
