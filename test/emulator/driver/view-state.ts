// Turns a test's simple answers ({ blockId: 'text' | ['a','b'] }) into the `state.values`
// Slack sends with a view submission, using the view's own input elements, and applies the
// checks Slack's client makes before it lets a user submit at all.

import type { Json } from '../state-types.js';

export type SubmittedValues = Record<string, string | string[] | undefined>;

export interface BuiltState {
  values: Record<string, Record<string, Json>>;
  /** Problems Slack's client shows without sending anything to the app. */
  clientErrors: Record<string, string>;
}

export function buildStateValues(blocks: Json[], answers: SubmittedValues): BuiltState {
  const values: BuiltState['values'] = {};
  const clientErrors: Record<string, string> = {};
  const known = new Set<string>();
  for (const block of blocks) {
    const element = stateElement(block);
    if (!element) continue;
    const blockId = block.block_id as string;
    const actionId = element.action_id as string;
    known.add(blockId);
    // What the person left untouched is whatever the view pre-filled, as in Slack's client;
    // an explicit '' or [] is a field they cleared.
    const answer = blockId in answers ? answers[blockId] : initialAnswer(element);
    const empty = answer === undefined || answer === '' || (Array.isArray(answer) && answer.length === 0);
    if (block.type === 'input' && empty && block.optional !== true) clientErrors[blockId] = 'Please complete this required field.';
    if (block.type !== 'input' && empty) continue;
    values[blockId] = { [actionId]: elementState(element, answer, blockId) };
    const lengthProblem = textLengthProblem(element, answer);
    if (lengthProblem) clientErrors[blockId] = lengthProblem;
  }
  for (const blockId of Object.keys(answers)) {
    if (!known.has(blockId)) throw new Error(`emulator: the view has no input with block_id "${blockId}"`);
  }
  return { values, clientErrors };
}

/** The value an element shows before anyone touches it. */
function initialAnswer(element: Json): string | string[] | undefined {
  const pick = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const option = element.initial_option as Json | undefined;
  const options = element.initial_options as Json[] | undefined;
  const list = (v: unknown) => (Array.isArray(v) && v.length > 0 ? v.map(String) : undefined);
  return (
    pick(element.initial_value) ??
    pick(option?.value) ??
    list(options?.map((o) => o.value)) ??
    pick(element.initial_date) ??
    pick(element.initial_time) ??
    pick(element.initial_date_time) ??
    pick(element.initial_user) ??
    list(element.initial_users) ??
    pick(element.initial_conversation) ??
    list(element.initial_conversations) ??
    pick(element.initial_channel) ??
    list(element.initial_channels)
  );
}

/** Input blocks always carry state; actions/section elements only once a value is chosen. */
function stateElement(block: Json): Json | undefined {
  if (block.type === 'input') return block.element as Json;
  if (block.type === 'section' && isStateful(block.accessory)) return block.accessory as Json;
  if (block.type === 'actions' && Array.isArray(block.elements)) {
    return (block.elements as Json[]).find((e) => isStateful(e));
  }
  return undefined;
}

function isStateful(element: unknown): boolean {
  const type = (element as Json | undefined)?.type;
  return typeof type === 'string' && type !== 'button' && type !== 'overflow' && type !== 'image';
}

function elementState(element: Json, answer: string | string[] | undefined, blockId: string): Json {
  const type = element.type as string;
  const one = Array.isArray(answer) ? answer[0] : answer;
  const many = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
  switch (type) {
    case 'plain_text_input': case 'email_text_input': case 'url_text_input': case 'number_input':
      return { type, value: one ?? null };
    case 'static_select': case 'radio_buttons':
      return { type, selected_option: one === undefined ? null : findOption(element, one, blockId) };
    case 'external_select':
      return { type, selected_option: one === undefined ? null : { text: { type: 'plain_text', text: one }, value: one } };
    case 'multi_static_select': case 'checkboxes':
      return { type, selected_options: many.map((v) => findOption(element, v, blockId)) };
    case 'datepicker': return { type, selected_date: one ?? null };
    case 'timepicker': return { type, selected_time: one ?? null };
    case 'datetimepicker': return { type, selected_date_time: one === undefined ? null : Number(one) };
    case 'users_select': return { type, selected_user: one ?? null };
    case 'multi_users_select': return { type, selected_users: many };
    case 'conversations_select': return { type, selected_conversation: one ?? null };
    case 'multi_conversations_select': return { type, selected_conversations: many };
    case 'channels_select': return { type, selected_channel: one ?? null };
    case 'multi_channels_select': return { type, selected_channels: many };
    default: return { type, value: one ?? null };
  }
}

function allOptions(element: Json): Json[] {
  if (Array.isArray(element.options)) return element.options as Json[];
  if (Array.isArray(element.option_groups)) {
    return (element.option_groups as Json[]).flatMap((g) => (Array.isArray(g.options) ? (g.options as Json[]) : []));
  }
  return [];
}

function findOption(element: Json, value: string, blockId: string): Json {
  const option = allOptions(element).find((o) => o.value === value);
  if (!option) throw new Error(`emulator: "${value}" is not an option of block "${blockId}"`);
  return option;
}

function textLengthProblem(element: Json, answer: string | string[] | undefined): string | undefined {
  if (element.type !== 'plain_text_input' || typeof answer !== 'string' || answer === '') return undefined;
  if (typeof element.max_length === 'number' && answer.length > element.max_length) {
    return `Must be ${element.max_length} characters or fewer.`;
  }
  if (typeof element.min_length === 'number' && answer.length < element.min_length) {
    return `Must be at least ${element.min_length} characters.`;
  }
  return undefined;
}
