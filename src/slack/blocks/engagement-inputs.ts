// Input blocks the engagement modals share: a 1–10 rating, a visibility choice, a
// bounded text answer. One element per input block, action id = block id, so
// `readInput` finds every value by block id.
import type { Visibility } from '../../domain/checkin/rules.js';
import { CHOOSABLE_KINDS } from '../../domain/engagement/style.js';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { inputBlock, option, plain, textInput, type Block } from './kit.js';

export function ratingInput(blockId: string, label: string, opts: { optional?: boolean; initial?: number; hint?: string } = {}): Block {
  const choices = Array.from({ length: 10 }, (_, i) => ({ text: String(i + 1), value: String(i + 1) }));
  return selectInput(blockId, label, choices, { optional: opts.optional, initial: opts.initial ? String(opts.initial) : undefined, hint: opts.hint, placeholder: '1–10' });
}

export function visibilityInput(blockId: string, label = 'Who sees this answer?', initial: Visibility = 'summary'): Block {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: {
      type: 'static_select',
      action_id: blockId,
      options: (['private', 'summary', 'shared'] as const).map((v) => option(VISIBILITY_TEXT[v], v)),
      initial_option: option(VISIBILITY_TEXT[initial], initial),
    },
  };
}

export function textAnswer(blockId: string, label: string, maxLength: number, opts: { optional?: boolean; multiline?: boolean; hint?: string } = {}): Block {
  return textInput(blockId, label, maxLength, { optional: opts.optional ?? true, multiline: opts.multiline ?? true, hint: opts.hint });
}

export function selectInput(
  blockId: string,
  label: string,
  choices: { text: string; value: string }[],
  opts: { optional?: boolean; initial?: string; hint?: string; placeholder?: string } = {},
): Block {
  const initial = choices.find((c) => c.value === opts.initial);
  const element = {
    type: 'static_select',
    action_id: blockId,
    placeholder: plain(opts.placeholder ?? 'Choose'),
    options: choices.map((c) => option(c.text, c.value)),
    ...(initial ? { initial_option: option(initial.text, initial.value) } : {}),
  };
  return inputBlock(blockId, label, element, opts);
}

/** One checkbox per message kind a leader may turn off, ticked unless muted. */
export function messagesInput(blockId: string, label: string, mutedKinds: readonly string[]): Block {
  const options = CHOOSABLE_KINDS.map((c) => option(c.text, c.kind));
  const ticked = CHOOSABLE_KINDS.filter((c) => !mutedKinds.includes(c.kind)).map((c) => option(c.text, c.kind));
  return {
    type: 'input',
    block_id: blockId,
    optional: true,
    label: plain(label),
    element: { type: 'checkboxes', action_id: blockId, options, ...(ticked.length > 0 ? { initial_options: ticked } : {}) },
  };
}
