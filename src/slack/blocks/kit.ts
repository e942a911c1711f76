// Small constructors for Block Kit objects, so builders read like the message they make,
// and `message()`, the one way a message's notification text and blocks are put together.
import type { KnownBlock, PlainTextElement, PlainTextOption } from '@slack/types';
import { escapeMrkdwn } from '../mrkdwn.js';

export type Block = KnownBlock;

/** A Slack message as Grow sends it: the notification fallback and the blocks. */
export interface Message {
  /** What notifications, lock screens and screen readers show: Grow's own words only. */
  text: string;
  blocks: Block[];
}

/**
 * Every message builder returns through here. The notification is a generic line of
 * Grow's (never a leader's words, never a mention): Slack parses `text` for mentions and
 * links and shows it outside the conversation, so it is escaped as well, and anything
 * personal lives only in the blocks, where it is escaped by the builder.
 */
export const message = ({ notification, blocks }: { notification: string; blocks: Block[] }): Message => ({
  text: escapeMrkdwn(notification),
  blocks,
});

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text, emoji: true });

export const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text } });

export const header = (text: string): Block => ({ type: 'header', text: plain(text) });

export const context = (...texts: string[]): Block => ({
  type: 'context',
  elements: texts.map((text) => ({ type: 'mrkdwn' as const, text })),
});

export const divider = (): Block => ({ type: 'divider' });

export const option = (text: string, value: string): PlainTextOption => ({ text: plain(text), value });

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  style?: 'primary' | 'danger';
}

export const actionsBlock = (blockId: string, buttons: ButtonSpec[]): Block => ({
  type: 'actions',
  block_id: blockId,
  elements: buttons.map((b) => ({
    type: 'button' as const,
    text: plain(b.text),
    action_id: b.actionId,
    ...(b.value !== undefined ? { value: b.value } : {}),
    ...(b.style ? { style: b.style } : {}),
  })),
});

export interface TextInputOptions {
  optional?: boolean;
  multiline?: boolean;
  hint?: string;
  initial?: string;
}

/** An input block around one element; `optional` and `hint` as Slack defines them. */
export function inputBlock(blockId: string, label: string, element: Record<string, unknown>, opts: { optional?: boolean; hint?: string } = {}): Block {
  return {
    type: 'input',
    block_id: blockId,
    optional: opts.optional ?? false,
    label: plain(label),
    ...(opts.hint ? { hint: plain(opts.hint) } : {}),
    element: element as never,
  };
}

/** A bounded free-text input; action id = block id, so `readInput` finds it by block id. */
export function textInput(blockId: string, label: string, maxLength: number, opts: TextInputOptions = {}): Block {
  return inputBlock(
    blockId,
    label,
    {
      type: 'plain_text_input',
      action_id: blockId,
      multiline: opts.multiline ?? false,
      max_length: maxLength,
      ...(opts.initial ? { initial_value: opts.initial.slice(0, maxLength) } : {}),
    },
    opts,
  );
}
