// Layout blocks (section, header, context, actions, input, divider, image, rich_text...)
// and the rules that span a whole block list: counts and unique block_ids.

import { checkElement, checkImageFields, INPUT_ONLY_ELEMENTS } from './elements.js';
import {
  ACTIONS_ELEMENTS_MAX, BLOCK_ID_MAX, CONTEXT_ELEMENTS_MAX, HEADER_TEXT_MAX, INPUT_HINT_MAX, INPUT_LABEL_MAX,
  SECTION_FIELD_TEXT_MAX, SECTION_FIELDS_MAX, SECTION_TEXT_MAX,
} from './limits.js';
import { isNode, type Node, type Problems } from './problems.js';

export type Surface = 'message' | 'modal' | 'home';

const ACCESSORY_TYPES = new Set([
  'button', 'checkboxes', 'datepicker', 'image', 'multi_static_select', 'multi_users_select',
  'multi_conversations_select', 'multi_channels_select', 'multi_external_select', 'overflow', 'radio_buttons',
  'static_select', 'users_select', 'conversations_select', 'channels_select', 'external_select', 'timepicker',
]);
// Elements an actions block takes: everything interactive except images and input-only fields.
const NOT_IN_ACTIONS = new Set(['image', ...INPUT_ONLY_ELEMENTS]);
const LOOSE_BLOCKS = new Set(['divider', 'rich_text', 'file', 'video', 'markdown']);

export interface BlockListInfo {
  hasInput: boolean;
}

export function checkBlockList(p: Problems, blocks: unknown, pointer: string, max: number, surface: Surface): BlockListInfo {
  const info: BlockListInfo = { hasInput: false };
  if (!Array.isArray(blocks)) {
    p.add(pointer, 'must be an array');
    return info;
  }
  p.maxItems(blocks, max, pointer);
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    const at = `${pointer}/${i}`;
    if (!isNode(block)) return p.add(at, 'must be a block object');
    if (block.block_id !== undefined) {
      p.identifier(block.block_id, BLOCK_ID_MAX, `${at}/block_id`);
      if (typeof block.block_id === 'string') {
        if (seen.has(block.block_id)) p.add(`${at}/block_id`, `duplicate block_id: ${block.block_id}`);
        seen.add(block.block_id);
      }
    }
    if (block.type === 'input') info.hasInput = true;
    checkBlock(p, block, at, surface);
  });
  return info;
}

function checkBlock(p: Problems, block: Node, at: string, surface: Surface): void {
  switch (block.type) {
    case 'section': return checkSection(p, block, at);
    case 'header': return p.text(block.text, `${at}/text`, { max: HEADER_TEXT_MAX, plainOnly: true });
    case 'context': return checkContext(p, block, at);
    case 'actions': return checkActions(p, block, at);
    case 'input': return checkInput(p, block, at);
    case 'image':
      checkImageFields(p, block, at);
      return p.optionalText(block.title, `${at}/title`, { max: 2000, plainOnly: true });
    default:
      if (typeof block.type === 'string' && LOOSE_BLOCKS.has(block.type)) {
        if (block.type === 'file' && surface !== 'message') p.add(`${at}/type`, 'file blocks are only allowed in messages');
        return;
      }
      p.add(`${at}/type`, `unsupported block type: ${String(block.type)}`);
  }
}

function checkSection(p: Problems, block: Node, at: string): void {
  if (block.text === undefined && block.fields === undefined) p.add(at, 'must provide either text or fields');
  p.optionalText(block.text, `${at}/text`, { max: SECTION_TEXT_MAX });
  if (block.fields !== undefined) {
    if (!Array.isArray(block.fields)) p.add(`${at}/fields`, 'must be an array');
    else {
      p.maxItems(block.fields, SECTION_FIELDS_MAX, `${at}/fields`);
      block.fields.forEach((field, i) => p.text(field, `${at}/fields/${i}`, { max: SECTION_FIELD_TEXT_MAX }));
    }
  }
  if (block.accessory !== undefined) {
    const type = isNode(block.accessory) ? block.accessory.type : undefined;
    if (typeof type === 'string' && !ACCESSORY_TYPES.has(type)) p.add(`${at}/accessory/type`, `not allowed as an accessory: ${type}`);
    else checkElement(p, block.accessory, `${at}/accessory`);
  }
}

function checkContext(p: Problems, block: Node, at: string): void {
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length === 0) return p.add(`${at}/elements`, 'must provide at least 1 item');
  p.maxItems(elements, CONTEXT_ELEMENTS_MAX, `${at}/elements`);
  elements.forEach((element, i) => {
    const ep = `${at}/elements/${i}`;
    if (isNode(element) && element.type === 'image') checkImageFields(p, element, ep);
    else p.text(element, ep, { max: SECTION_TEXT_MAX });
  });
}

function checkActions(p: Problems, block: Node, at: string): void {
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length === 0) return p.add(`${at}/elements`, 'must provide at least 1 item');
  p.maxItems(elements, ACTIONS_ELEMENTS_MAX, `${at}/elements`);
  const actionIds = new Set<string>();
  elements.forEach((element, i) => {
    const ep = `${at}/elements/${i}`;
    const type = isNode(element) ? element.type : undefined;
    if (typeof type === 'string' && NOT_IN_ACTIONS.has(type)) return p.add(`${ep}/type`, `not allowed in an actions block: ${type}`);
    const actionId = checkElement(p, element, ep);
    if (actionId !== undefined) {
      if (actionIds.has(actionId)) p.add(`${ep}/action_id`, `duplicate action_id: ${actionId}`);
      actionIds.add(actionId);
    }
  });
}

function checkInput(p: Problems, block: Node, at: string): void {
  p.text(block.label, `${at}/label`, { max: INPUT_LABEL_MAX, plainOnly: true });
  p.optionalText(block.hint, `${at}/hint`, { max: INPUT_HINT_MAX, plainOnly: true });
  if (!p.required(block, 'element', at)) return;
  const type = isNode(block.element) ? block.element.type : undefined;
  if (type === 'button' || type === 'overflow' || type === 'image') {
    return p.add(`${at}/element/type`, `not allowed in an input block: ${String(type)}`);
  }
  checkElement(p, block.element, `${at}/element`);
}
