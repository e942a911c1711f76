// Finding the element a user interacts with inside stored blocks, and describing that
// interaction as an entry of block_actions' `actions` array.

import type { Json } from '../state-types.js';

export interface Located {
  block: Json;
  element: Json;
}

/**
 * The element with this action_id (in `blockId` if given). For buttons, `value` picks the
 * one carrying that value, since lists often repeat an action_id across blocks.
 */
export function findElement(blocks: Json[] | undefined, actionId: string, blockId?: string, value?: unknown): Located {
  for (const block of blocks ?? []) {
    if (blockId !== undefined && block.block_id !== blockId) continue;
    const candidates: Json[] = [];
    if (block.accessory) candidates.push(block.accessory as Json);
    if (block.element) candidates.push(block.element as Json);
    if (Array.isArray(block.elements)) candidates.push(...(block.elements as Json[]));
    const element = candidates.find((e) => e.action_id === actionId
      && (value === undefined || e.type !== 'button' || e.value === value));
    if (element) return { block, element };
  }
  const where = `${blockId ? ` in block "${blockId}"` : ''}${value !== undefined ? ` with value ${JSON.stringify(value)}` : ''}`;
  throw new Error(`emulator: no element with action_id "${actionId}"${where}`);
}

/** One `actions[]` entry as Slack sends it for the element's type. */
export function describeAction(located: Located, actionTs: string, chosen?: string | string[]): Json {
  const { block, element } = located;
  const base: Json = { action_id: element.action_id, block_id: block.block_id, type: element.type, action_ts: actionTs };
  const options = Array.isArray(element.options) ? (element.options as Json[]) : [];
  const pick = (value: string) => {
    const option = options.find((o) => o.value === value);
    if (!option) throw new Error(`emulator: "${value}" is not an option of "${String(element.action_id)}"`);
    return option;
  };
  switch (element.type) {
    case 'button':
      return {
        ...base, text: element.text,
        ...(element.value !== undefined ? { value: element.value } : {}),
        ...(element.style !== undefined ? { style: element.style } : {}),
      };
    case 'static_select': case 'overflow': case 'radio_buttons':
      if (typeof chosen !== 'string') throw new Error('emulator: choose one option value');
      return { ...base, selected_option: pick(chosen), ...(element.placeholder ? { placeholder: element.placeholder } : {}) };
    case 'multi_static_select': case 'checkboxes':
      return { ...base, selected_options: (Array.isArray(chosen) ? chosen : chosen ? [chosen] : []).map(pick) };
    case 'users_select': return { ...base, selected_user: chosen };
    case 'conversations_select': return { ...base, selected_conversation: chosen };
    case 'channels_select': return { ...base, selected_channel: chosen };
    case 'datepicker': return { ...base, selected_date: chosen };
    case 'timepicker': return { ...base, selected_time: chosen };
    default: return { ...base, value: chosen };
  }
}
